export * from './account/account.ts';
export * from './account/user.ts';
export * from './calendar/business-calendar.ts';
export * from './calendar/business-duration.ts';
export * from './calendar/business-time.ts';
export * from './calendar/calendar-for.ts';
export * from './calendar/day-bounds.ts';
export * from './calendar/ical-holidays.ts';
export { workingIntervalsOn } from './calendar/working-schedule.ts';
export * from './calibration/business-duration-words.ts';
export * from './calibration/calibrate.ts';
export {
  type CalibrationRecord,
  calibrationRecordSchema,
} from './calibration/calibration-record.ts';
export * from './calibration/calibration-scope.ts';
export * from './calibration/calibration-settings.ts';
export * from './calibration/kaplan-meier.ts';
export * from './calibration/proposed-due-check.ts';
export * from './calibration/survival-queries.ts';
export * from './drift/drift-settings.ts';
export * from './drift/expectation-drift.ts';
export * from './promise/promise-commands.ts';
export * from './promise/promise-event.ts';
export * from './promise/promise-state.ts';
export * from './promise/promise-summary.ts';
export * from './promise/promise-terms.ts';
export * from './promise/promise-views.ts';
export * from './risk/notice-alternatives.ts';
export * from './risk/open-promise-timing.ts';
export * from './risk/promise-risk.ts';
export * from './risk/realistic-new-date.ts';
export * from './risk/review-promise-risk.ts';
export * from './risk/risk-settings.ts';
export * from './risk/slip-notice.ts';
export * from './shared/domain-error.ts';
export * from './shared/instant.ts';
