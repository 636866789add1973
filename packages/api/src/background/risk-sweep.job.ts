import { findAccount, listPromiseIdsOfAccount } from '@steadfast/db';
import { dueDeadline, isDomainError, recordPromiseEvent } from '@steadfast/domain';
import { z } from 'zod';
import { analysedChange } from '../analytics/analysed-change.ts';
import { accountCalendar, loadAnalyticsSettings } from '../analytics/analytics-settings.ts';
import { recordRiskForecast } from '../analytics/forecast-recording.ts';
import { cachedCurves, reviewOpenPromise } from '../analytics/promise-risk-review.ts';
import { changePromiseAndNotify } from '../webhooks/promise-change.ts';
import type { JobContext } from './job-kinds.ts';

export const riskSweepPayloadSchema = z.object({ accountId: z.string() });

/**
 * Reviews every running promise of one account and flags those whose chance of being kept by
 * their due has fallen below the threshold, with the reason in words. Already-flagged promises are
 * left alone; a promise changed meanwhile (a version conflict) is simply reviewed next sweep.
 */
export async function sweepAccountRisk(
  payload: unknown,
  context: JobContext,
): Promise<{ flagged: number }> {
  const { accountId } = riskSweepPayloadSchema.parse(payload);
  const { db } = context;
  const { settings } = await loadAnalyticsSettings(db);
  const account = await findAccount(db, accountId);
  if (account === undefined) return { flagged: 0 };
  const calendar = accountCalendar(account, settings);
  // One read of the record per kind (and owner) for the whole sweep of this account.
  const curveFor = cachedCurves({ db, settings, now: context.now() });
  let flagged = 0;
  let afterId: string | undefined;
  while (true) {
    const ids = await listPromiseIdsOfAccount(db, {
      accountId,
      afterId,
      limit: 200,
      statuses: ['open'],
    });
    if (ids.length === 0) return { flagged };
    afterId = ids.at(-1);
    for (const promiseId of ids) {
      const now = context.now();
      const { promise, review } = await reviewOpenPromise({
        db,
        promiseId,
        settings,
        now,
        curveFor,
      });
      const forecast = {
        db,
        state: promise,
        assessment: review.assessment,
        dueAt: dueDeadline(promise.due),
        now,
      };
      // Every review's probability is a forecast to audit later (at most one a day per promise).
      await recordRiskForecast({ ...forecast, occasion: 'review' });
      // And the last word before the deadline: the review on the day it falls due (UTC).
      if (forecast.dueAt.slice(0, 10) === now.slice(0, 10) && now < forecast.dueAt) {
        await recordRiskForecast({ ...forecast, occasion: 'at_due' });
      }
      if (promise.atRisk || !review.assessment.atRisk) continue;
      await recordRiskForecast({ ...forecast, occasion: 'first_flagged' });
      try {
        await changePromiseAndNotify(context, promiseId, (state) => {
          const next = recordPromiseEvent(
            state,
            {
              expectedVersion: promise.version,
              event: {
                type: 'at_risk_flagged',
                reason: review.assessment.explanation.slice(0, 1000),
              },
            },
            { eventId: context.newId(), now, actorId: null },
          );
          return analysedChange(state, next, { calendar, settings });
        });
        flagged += 1;
      } catch (error) {
        if (!isDomainError(error) || error.kind !== 'conflict') throw error;
      }
    }
  }
}
