import { findAccount } from '@steadfast/db';
import {
  businessMinutesBetween,
  calibrate,
  checkProposedDue,
  DomainError,
  idSchema,
  instantSchema,
  notFound,
  promiseKinds,
} from '@steadfast/domain';
import { z } from 'zod';
import { accountCalendar, loadAnalyticsSettings } from '../analytics/analytics-settings.ts';
import { loadCalibrationRecords } from '../analytics/calibration-records.ts';
import { createRouter, publicProcedure } from '../trpc.ts';

const checkInputSchema = z.object({
  kind: z.enum(promiseKinds),
  accountId: idSchema,
  ownerId: idSchema.optional(),
  /** A due the account manager is about to give; answered with its chance of being kept. */
  proposedDue: instantSchema.optional(),
  /** When the clock would start (defaults to now; for a conditional promise, when it is met). */
  clockStart: instantSchema.optional(),
});

export const calibrationRouter = createRouter({
  /**
   * "Can I promise this?": how long such promises really took (50/80/90/95%, in business time,
   * from the narrowest scope with enough history), and for a proposed due, its chance and a
   * warning when it is tighter than the record supports.
   */
  check: publicProcedure.input(checkInputSchema).query(async ({ ctx, input }) => {
    const account = await findAccount(ctx.db, input.accountId);
    if (account === undefined) throw notFound('account', input.accountId, 'accountId');
    const { settings } = await loadAnalyticsSettings(ctx.db);
    const now = ctx.now();
    const question = {
      kind: input.kind,
      accountId: account.id,
      ownerId: input.ownerId ?? account.ownerId,
    };
    const records = await loadCalibrationRecords({ db: ctx.db, question, settings, now });
    const calibration = calibrate({ records, question, settings: settings.calibration });
    const { curve: _curve, ...report } = calibration;
    if (input.proposedDue === undefined) return { ...report, proposal: null };

    const start = input.clockStart ?? now;
    if (Date.parse(input.proposedDue) <= Date.parse(start)) {
      throw new DomainError({
        code: 'due_before_start',
        kind: 'invalid',
        field: 'proposedDue',
        message: 'must lie after the moment the clock starts',
      });
    }
    const proposedMinutes = businessMinutesBetween(
      accountCalendar(account, settings),
      start,
      input.proposedDue,
    );
    const proposal = checkProposedDue({
      calibration,
      proposedMinutes,
      settings: settings.calibration,
    });
    return { ...report, proposal };
  }),
});
