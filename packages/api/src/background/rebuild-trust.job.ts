import {
  clearTrustContributions,
  clearTrustEvidence,
  enqueueJob,
  findAccountsByIds,
  inTransaction,
  listClosedPromiseIds,
  loadPromiseState,
  recordClosing,
} from '@steadfast/db';
import { measurePromise } from '@steadfast/domain';
import { closingOf } from '../analytics/analysed-change.ts';
import { accountCalendar, loadAnalyticsSettings } from '../analytics/analytics-settings.ts';
import type { JobContext } from './job-kinds.ts';

const closingEvents = new Set(['fulfilled', 'missed', 'released', 'cancelled']);

/**
 * Rebuilds every trust evidence row (and each closing's contribution and resolution) from the
 * closed promises, after something they were computed with changed (the half-life or evidence
 * weights, or a calendar). One transaction: readers see the old evidence or the new, never a
 * half-built one, and no close in between is lost.
 */
export async function rebuildTrustEvidence(
  _payload: unknown,
  context: JobContext,
): Promise<{ outcomes: number }> {
  return inTransaction(context.db, async (db) => {
    const { settings } = await loadAnalyticsSettings(db);
    await clearTrustEvidence(db);
    await clearTrustContributions(db);
    let outcomes = 0;
    let afterId: string | undefined;
    while (true) {
      const page = await listClosedPromiseIds(db, { afterId, limit: 500 });
      if (page.length === 0) return { outcomes };
      afterId = page.at(-1)?.id;
      const accounts = new Map(
        (await findAccountsByIds(db, [...new Set(page.map((p) => p.accountId))])).map((a) => [
          a.id,
          a,
        ]),
      );
      for (const { id, accountId } of page) {
        const { state, events } = await loadPromiseState(db, id);
        const account = accounts.get(accountId);
        const calendar =
          account === undefined ? settings.companyCalendar : accountCalendar(account, settings);
        // Judged as it was when the promise closed: at the closing event's recording.
        const asOf =
          events.findLast((event) => closingEvents.has(event.type))?.recordedAt ?? state.updatedAt;
        const closing = closingOf(state, measurePromise(state, calendar), {
          calendar,
          settings,
          asOf,
        });
        if (closing === null) continue;
        await recordClosing(db, state, closing);
        if (closing.evidence !== null) outcomes += 1;
      }
    }
  });
}

/** Enqueues rebuilding the stored trust evidence (it was computed with what just changed). */
export async function enqueueTrustRebuild(
  db: Parameters<typeof enqueueJob>[0],
  now: string,
  id: string,
): Promise<void> {
  await enqueueJob(db, {
    id: `rebuild_trust:${id}`,
    kind: 'rebuild_trust',
    payload: {},
    runAt: now,
    now,
  });
}
