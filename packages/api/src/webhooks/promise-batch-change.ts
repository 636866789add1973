import {
  appendPromiseChanges,
  inTransaction,
  loadPromiseStates,
  type PromiseChange,
} from '@steadfast/db';
import {
  isDomainError,
  notFound,
  type PromiseState,
  promiseWebhookEvents,
  type WebhookEvent,
} from '@steadfast/domain';
import { emitWebhookEvents, type OutboxContext } from './webhook-outbox.ts';

/** One change of a batch: the promise, and what the domain decides from its state. */
export interface BatchedPromiseChange {
  promiseId: string;
  decide: (state: PromiseState) => PromiseChange;
}

/**
 * `changePromiseAndNotify` for many changes in one transaction: every promise named is read once,
 * each change decided in order on the state the one before left (several may name one promise),
 * then the events appended and projections moved together (`appendPromiseChanges`) and the
 * webhook events written to the outbox. A domain error is handed to `refuse` with the index of
 * the change that caused it (for a write conflict, the first change of that promise), and what
 * `refuse` returns is thrown: nothing is kept.
 */
export async function changePromisesAndNotify(
  context: OutboxContext,
  items: readonly BatchedPromiseChange[],
  refuse: (error: Error, index: number) => Error,
): Promise<PromiseState[]> {
  return inTransaction(context.db, async (trx) => {
    const states = await loadPromiseStates(trx, [...new Set(items.map((item) => item.promiseId))]);
    const firstIndex = new Map<string, number>();
    const changes: PromiseChange[] = [];
    const events: WebhookEvent[] = [];
    for (const [index, item] of items.entries()) {
      if (!firstIndex.has(item.promiseId)) firstIndex.set(item.promiseId, index);
      const state = states.get(item.promiseId);
      if (state === undefined)
        throw refuse(notFound('promise', item.promiseId, 'promiseId'), index);
      let change: PromiseChange;
      try {
        change = item.decide(state);
      } catch (error) {
        throw isDomainError(error) ? refuse(error, index) : error;
      }
      changes.push(change);
      states.set(item.promiseId, change.state);
      events.push(...promiseWebhookEvents(state, change.state));
    }
    try {
      await appendPromiseChanges(trx, changes);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      const promiseId = error.details?.promiseId;
      throw refuse(error, typeof promiseId === 'string' ? (firstIndex.get(promiseId) ?? 0) : 0);
    }
    await emitWebhookEvents({ ...context, db: trx }, events);
    return changes.map((change) => change.state);
  });
}
