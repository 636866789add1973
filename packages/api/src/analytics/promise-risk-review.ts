import { type Db, findAccount, findContact, loadPromiseState } from '@steadfast/db';
import {
  type AnalyticsSettings,
  addBusinessMinutes,
  businessMinutesBetween,
  type CalibrationQuestion,
  calibrate,
  DomainError,
  dueDeadline,
  type Instant,
  type PromiseEvent,
  type PromiseRiskReview,
  type PromiseState,
  reviewPromiseRisk,
  type SurvivalCurve,
} from '@steadfast/domain';
import { accountCalendar } from './analytics-settings.ts';
import { loadCalibrationRecords } from './calibration-records.ts';

export type CurveSource = (question: CalibrationQuestion) => Promise<SurvivalCurve>;

/** The survival curve of comparable promises, from the record (see loadCalibrationRecords). */
export async function recordCurve(options: {
  db: Db;
  question: CalibrationQuestion;
  settings: AnalyticsSettings;
  now: Instant;
  excludePromiseId?: string;
}): Promise<SurvivalCurve> {
  const records = await loadCalibrationRecords(options);
  return calibrate({ records, question: options.question, settings: options.settings.calibration })
    .curve;
}

/** Curves by question, each read from the record once: for one sweep over many promises. */
export function cachedCurves(options: {
  db: Db;
  settings: AnalyticsSettings;
  now: Instant;
}): CurveSource {
  const curves = new Map<string, Promise<SurvivalCurve>>();
  return (question) => {
    const key = `${question.kind}|${question.accountId ?? ''}|${question.ownerId ?? ''}`;
    let curve = curves.get(key);
    if (curve === undefined) {
      curve = recordCurve({ ...options, question });
      curves.set(key, curve);
    }
    return curve;
  };
}

/**
 * Why it slips, in words fit for the customer: the reason a person gave when flagging it. A flag
 * raised by Steadfast's own risk sweep explains the statistics to the account manager, which is
 * no reason to give a customer, so none is then offered.
 */
function reasonToTellCustomer(events: readonly PromiseEvent[]): string | null {
  const flag = events.findLast((event) => event.type === 'at_risk_flagged');
  if (flag === undefined || flag.type !== 'at_risk_flagged' || flag.actorId === null) return null;
  return flag.reason;
}

/**
 * The risk review of an open promise now: its chance of being kept by its due given how long it
 * has run, from the record of comparable promises, and a drafted customer notice when at risk.
 */
export async function reviewOpenPromise(options: {
  db: Db;
  promiseId: string;
  settings: AnalyticsSettings;
  now: Instant;
  /**
   * Where the survival curve for a question comes from; a sweep over many promises passes a
   * cached one so each kind's record is read once per sweep, not once per promise.
   */
  curveFor?: CurveSource;
}): Promise<{ promise: PromiseState; review: PromiseRiskReview }> {
  const { db, settings, now } = options;
  const { state, events } = await loadPromiseState(db, options.promiseId);
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
  const curve = options.curveFor
    ? await options.curveFor(question)
    : await recordCurve({ db, question, settings, now, excludePromiseId: state.id });
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
    reason: reasonToTellCustomer(events),
  });
  return { promise: state, review };
}
