import {
  findAccount,
  listPromiseIdsOfAccount,
  loadPromiseState,
  updatePromiseMeasures,
} from '@steadfast/db';
import { measurePromise } from '@steadfast/domain';
import { z } from 'zod';
import { accountCalendar, loadAnalyticsSettings } from '../analytics/analytics-settings.ts';
import { judgeAccountObservations } from '../analytics/observation-verdicts.ts';
import type { JobContext } from './job-kinds.ts';

export const remeasurePayloadSchema = z.object({ accountId: z.string() });

/**
 * After an account's calendar (or the company's, for accounts without their own) changed: measure
 * every promise of the account again in business time, in batches.
 */
export async function remeasureAccount(
  payload: unknown,
  context: JobContext,
): Promise<{ remeasured: number }> {
  const { accountId } = remeasurePayloadSchema.parse(payload);
  const { db } = context;
  const account = await findAccount(db, accountId);
  if (account === undefined) return { remeasured: 0 };
  const { settings } = await loadAnalyticsSettings(db);
  const calendar = accountCalendar(account, settings);
  let remeasured = 0;
  let afterId: string | undefined;
  while (true) {
    const ids = await listPromiseIdsOfAccount(db, { accountId, afterId, limit: 200 });
    if (ids.length === 0) {
      // A "within N business days" charter term is as long as the calendar's business day.
      await judgeAccountObservations(db, { accountId, settings });
      return { remeasured };
    }
    afterId = ids.at(-1);
    for (const promiseId of ids) {
      const { state } = await loadPromiseState(db, promiseId);
      await updatePromiseMeasures(db, promiseId, measurePromise(state, calendar));
      remeasured += 1;
    }
  }
}
