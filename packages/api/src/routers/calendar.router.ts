import {
  enqueueJob,
  findAccount,
  inTransaction,
  listAccountIdsWithoutOwnCalendar,
  setAccountCalendar,
  writeSetting,
} from '@steadfast/db';
import {
  addBusinessDuration,
  businessCalendarSchema,
  businessDurationSchema,
  businessMinutesBetween,
  idSchema,
  instantSchema,
  notFound,
  parseICalHolidays,
} from '@steadfast/domain';
import { z } from 'zod';
import {
  accountCalendar,
  analyticsSettingsKey,
  loadAnalyticsSettings,
} from '../analytics/analytics-settings.ts';
import { enqueueTrustRebuild } from '../background/rebuild-trust.job.ts';
import type { ApiContext } from '../context.ts';
import { adminProcedure, createRouter, publicProcedure } from '../trpc.ts';

/** Business time depends on the calendar: re-measure the accounts whose calendar changed. */
async function enqueueRemeasure(ctx: ApiContext, accountIds: readonly string[]): Promise<void> {
  const now = ctx.now();
  // Outcomes (lateness in business time) feed trust: rebuild it in the new calendar too.
  await enqueueTrustRebuild(ctx.db, now, ctx.newId());
  for (const accountId of accountIds) {
    await enqueueJob(ctx.db, {
      id: `remeasure:${accountId}:${ctx.newId()}`,
      kind: 'remeasure',
      payload: { accountId },
      runAt: now,
      now,
    });
  }
}

const year = z.int().min(1970, 'must be 1970 or later').max(2200, 'must be 2200 or earlier');

export const calendarRouter = createRouter({
  /** The company's business calendar: used for every account without its own. */
  company: publicProcedure.query(async ({ ctx }) => {
    const { settings, version } = await loadAnalyticsSettings(ctx.db);
    return { calendar: settings.companyCalendar, version };
  }),

  /** Replaces the company calendar at the settings version read; its accounts are re-measured. */
  setCompany: adminProcedure
    .input(
      z.object({
        calendar: businessCalendarSchema,
        expectedVersion: z.int().min(0, 'must not be negative'),
      }),
    )
    .mutation(({ ctx, input }) =>
      inTransaction(ctx.db, async (trx) => {
        const tx = { ...ctx, db: trx };
        const { settings } = await loadAnalyticsSettings(trx);
        const version = await writeSetting(trx, {
          key: analyticsSettingsKey,
          value: { ...settings, companyCalendar: input.calendar },
          expectedVersion: input.expectedVersion,
          now: ctx.now(),
        });
        await enqueueRemeasure(tx, await listAccountIdsWithoutOwnCalendar(trx));
        return { calendar: input.calendar, version };
      }),
    ),

  /** Gives an account the client's own hours (or back to the company's with null); re-measured. */
  setAccount: publicProcedure
    .input(z.object({ accountId: idSchema, calendar: businessCalendarSchema.nullable() }))
    .mutation(({ ctx, input }) =>
      inTransaction(ctx.db, async (trx) => {
        const updated = await setAccountCalendar(trx, input);
        if (!updated) throw notFound('account', input.accountId, 'accountId');
        await enqueueRemeasure({ ...ctx, db: trx }, [input.accountId]);
        const account = await findAccount(trx, input.accountId);
        return account;
      }),
    ),

  /** Reads the holidays of an iCal file (all-day events, yearly rules expanded) for review. */
  parseHolidays: publicProcedure
    .input(
      z
        .object({
          ics: z.string().min(1, 'must not be empty').max(2_000_000, 'must be at most 2 MB'),
          fromYear: year,
          toYear: year,
        })
        .refine((range) => range.fromYear <= range.toYear, {
          path: ['toYear'],
          error: 'must not be before fromYear',
        })
        .refine((range) => range.toYear - range.fromYear <= 20, {
          path: ['toYear'],
          error: 'must be at most 20 years after fromYear',
        }),
    )
    .mutation(({ input }) =>
      parseICalHolidays(input.ics, { fromYear: input.fromYear, toYear: input.toYear }),
    ),

  /**
   * Business-time arithmetic in an account's calendar: "in 10 business days" from a start, and the
   * business minutes between two instants.
   */
  addDuration: publicProcedure
    .input(
      z.object({ accountId: idSchema, start: instantSchema, duration: businessDurationSchema }),
    )
    .query(async ({ ctx, input }) => {
      const account = await findAccount(ctx.db, input.accountId);
      if (account === undefined) throw notFound('account', input.accountId, 'accountId');
      const { settings } = await loadAnalyticsSettings(ctx.db);
      const calendar = accountCalendar(account, settings);
      const end = addBusinessDuration(calendar, input.start, input.duration);
      return {
        end,
        businessMinutes: businessMinutesBetween(calendar, input.start, end),
        timeZone: calendar.timeZone,
      };
    }),
});
