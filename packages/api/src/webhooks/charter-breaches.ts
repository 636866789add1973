import {
  type CharterObservation,
  charterBreachEvent,
  type ObservedAccount,
  type WebhookEvent,
} from '@steadfast/domain';
import { emitWebhookEvents, type OutboxContext } from './webhook-outbox.ts';

/**
 * Writes a `charter.breached` event for each newly stored observation that missed its term's
 * target, in the transaction that stores them. Observations already stored (duplicates) are not
 * new breaches.
 */
export async function emitCharterBreaches(
  context: OutboxContext,
  stored: {
    observations: readonly CharterObservation[];
    accounts: ReadonlyMap<string, ObservedAccount>;
  },
): Promise<number> {
  const events: WebhookEvent[] = [];
  for (const observation of stored.observations) {
    const account = stored.accounts.get(observation.accountId);
    const term = account?.charter?.current.terms.find((each) => each.id === observation.termId);
    if (account === undefined || term === undefined) continue;
    const breach = charterBreachEvent(observation, term, account.calendar);
    if (breach !== null) events.push(breach);
  }
  return emitWebhookEvents(context, events);
}
