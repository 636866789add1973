import { type Db, findAccount, findContact, loadPromiseState } from '@steadfast/db';
import {
  type AnalyticsSettings,
  addBusinessMinutes,
  businessMinutesBetween,
  calibrate,
  DomainError,
  dueDeadline,
  type Instant,
  type PromiseRiskReview,
  type PromiseState,
  reviewPromiseRisk,
} from '@steadfast/domain';
import { accountCalendar } from './analytics-settings.ts';
import { loadCalibrationRecords } from './calibration-records.ts';

/**
 * The risk review of an open promise now: its chance of being kept by its due given how long it
 * has run, from the record of comparable promises, and a drafted customer notice when at risk.
 */
export async function reviewOpenPromise(options: {
  db: Db;
  promiseId: string;
  settings: AnalyticsSettings;
  now: Instant;
}): Promise<{ promise: PromiseState; review: PromiseRiskReview }> {
  const { db, settings, now } = options;
  const { state } = await loadPromiseState(db, options.promiseId);
  const clockStartedAt = state.clockStartedAt;
  if (state.status !== 'open' || clockStartedAt === null) {
    throw new DomainError({
      code: 'promise_not_running',
      kind: 'illegal_transition',
      field: 'id',
      message: `Only a running promise has a risk; this one is ${state.status.replace('_', ' ')}.`,
    });
  }
  const account = await findAccount(db, state.terms.accountId);
  const calendar =
    account === undefined ? settings.companyCalendar : accountCalendar(account, settings);
  const question = {
    kind: state.terms.kind,
    accountId: state.terms.accountId,
    ownerId: state.terms.ownerId,
  };
  const records = await loadCalibrationRecords({
    db,
    question,
    settings,
    now,
    excludePromiseId: state.id,
  });
  const { curve } = calibrate({ records, question, settings: settings.calibration });
  const dueAt = dueDeadline(state.due);
  const contact =
    state.terms.contactId === null ? undefined : await findContact(db, state.terms.contactId);
  const review = reviewPromiseRisk({
    promise: {
      promiseId: state.id,
      title: state.terms.title,
      kind: state.terms.kind,
      clockStartedAt,
      dueAt,
      elapsedMinutes: Math.max(0, businessMinutesBetween(calendar, clockStartedAt, now)),
      dueMinutes: Math.max(0, businessMinutesBetween(calendar, clockStartedAt, dueAt)),
      lastMilestone: state.lastMilestone,
    },
    curve,
    settings: settings.risk,
    addBusinessMinutes: (start, minutes) => addBusinessMinutes(calendar, start, minutes),
    timeZone: account?.timeZone ?? calendar.timeZone,
    contactName: contact?.name ?? null,
    reason: state.atRiskReason,
  });
  return { promise: state, review };
}
