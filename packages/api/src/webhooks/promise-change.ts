import { changePromise, inTransaction, type PromiseChange } from '@steadfast/db';
import { type PromiseState, promiseWebhookEvents } from '@steadfast/domain';
import { emitWebhookEvents, type OutboxContext } from './webhook-outbox.ts';

/**
 * Every change of a promise goes through here: read, decide, append (see `changePromise`) and
 * write the webhook events the change causes (at risk, missed, fulfilled) to the outbox, all in
 * one transaction, so an event is sent only for a change that was kept.
 */
export async function changePromiseAndNotify(
  context: OutboxContext,
  promiseId: string,
  decide: (state: PromiseState) => PromiseChange,
): Promise<PromiseState> {
  return inTransaction(context.db, async (trx) => {
    const seen: { before: PromiseState | null } = { before: null };
    const after = await changePromise(trx, promiseId, (state) => {
      seen.before = state;
      return decide(state);
    });
    await emitWebhookEvents({ ...context, db: trx }, promiseWebhookEvents(seen.before, after));
    return after;
  });
}
