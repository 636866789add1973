import {
  addTrustEvidence,
  clearTrustEvidence,
  companyScope,
  findAccountsByIds,
  inTransaction,
  listClosedPromiseIds,
  loadPromiseState,
} from '@steadfast/db';
import { anchoredContribution, businessMinutesBetween, promiseOutcome } from '@steadfast/domain';
import { accountCalendar, loadAnalyticsSettings } from '../analytics/analytics-settings.ts';
import type { JobContext } from './job-kinds.ts';

/**
 * Rebuilds every trust evidence row from the closed promises, after something they were computed
 * with changed (the half-life or evidence weights, or a calendar). One transaction: readers see
 * the old evidence or the new, never a half-built one, and no close in between is lost.
 */
export async function rebuildTrustEvidence(
  _payload: unknown,
  context: JobContext,
): Promise<{ outcomes: number }> {
  return inTransaction(context.db, async (db) => {
    const { settings } = await loadAnalyticsSettings(db);
    await clearTrustEvidence(db);
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
        // The outcome as it was judged when the promise closed: at the closing event's recording.
        const closing = events.findLast((event) =>
          ['fulfilled', 'missed', 'released', 'cancelled'].includes(event.type),
        );
        const outcome = promiseOutcome(state, {
          businessMinutesBetween: (from, to) => businessMinutesBetween(calendar, from, to),
          now: closing?.recordedAt ?? state.updatedAt,
        });
        const contribution = anchoredContribution(outcome, settings.trust);
        if (contribution === null) continue;
        await addTrustEvidence(
          db,
          [
            { type: 'account', id: accountId },
            { type: 'manager', id: state.terms.ownerId },
            companyScope,
          ],
          contribution,
        );
        outcomes += 1;
      }
    }
  });
}
