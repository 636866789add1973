import type { SurvivalCurve } from '../calibration/kaplan-meier.ts';
import { formatShare } from '../calibration/share-words.ts';
import type { Instant } from '../shared/instant.ts';
import { formatCustomerDate } from './customer-date-words.ts';
import { defaultAlternatives } from './notice-alternatives.ts';
import type { OpenPromiseTiming } from './open-promise-timing.ts';
import type { PromiseRiskAssessment } from './promise-risk.ts';
import { type RealisticNewDate, realisticNewDate } from './realistic-new-date.ts';
import type { RiskSettings } from './risk-settings.ts';

/**
 * A drafted message telling a customer that a promise is slipping, in its parts (for the desktop
 * to show and edit) and as rendered text. The manager reviews it; nothing is sent by the domain.
 */
export interface SlipNoticeDraft {
  promiseId: string;
  subject: string;
  greeting: string;
  /** What happened, in plain words, with the title and the due. */
  whatHappened: string;
  apology: string;
  newDate: RealisticNewDate;
  newDateSentence: string;
  /** What the customer can choose instead; given by the manager, or the defaults for the kind. */
  alternatives: string[];
  /** Whether the alternatives are the defaults for the kind (the manager should check them). */
  alternativesAreDefaults: boolean;
  closing: string;
  text: string;
}

function capitalise(sentence: string): string {
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

function describeWhatHappened(options: {
  promise: OpenPromiseTiming;
  assessment: PromiseRiskAssessment;
  reason: string | null;
  timeZone: string;
}): string {
  const { promise, assessment, reason, timeZone } = options;
  const due = formatCustomerDate(promise.dueAt, timeZone);
  const promised = `We promised you "${promise.title}" by ${due}`;
  const sentences = [
    assessment.basis === 'overdue'
      ? `${promised}, and we have not kept that date.`
      : `${promised}, and it now looks unlikely that we will make it.`,
  ];
  if (reason) sentences.push(`The reason: ${reason.replace(/\.$/, '')}.`);
  if (promise.lastMilestone) {
    const at = formatCustomerDate(promise.lastMilestone.at, timeZone);
    sentences.push(
      `Progress so far: ${promise.lastMilestone.milestone.replace(/\.$/, '')} (${at}).`,
    );
  }
  return sentences.join(' ');
}

function describeNewDate(newDate: RealisticNewDate, timeZone: string): string {
  switch (newDate.kind) {
    case 'found':
      return (
        `Our realistic new date is ${formatCustomerDate(newDate.at, timeZone)}: ` +
        `${formatShare(newDate.level)} of comparable promises were kept by then.`
      );
    case 'not_reached':
      return (
        `We cannot yet give a reliable new date; it will not be before ` +
        `${formatCustomerDate(newDate.notBefore, timeZone)}, and we will confirm one as soon as we know more.`
      );
    case 'beyond_record':
      return 'We cannot yet give a reliable new date; we will confirm one as soon as we know more.';
  }
}

/**
 * The customer notice for a slipping promise: what happened (title, due, reason, progress), an
 * apology, a realistic new date (the conditional `newDateLevel` duration given the time elapsed,
 * clock start + t), and alternatives (given, or the defaults for its kind).
 */
export function draftSlipNotice(options: {
  promise: OpenPromiseTiming;
  assessment: PromiseRiskAssessment;
  curve: SurvivalCurve;
  settings: RiskSettings;
  addBusinessMinutes: (start: Instant, minutes: number) => Instant;
  /** The customer's time zone, for the dates in the text. */
  timeZone: string;
  contactName?: string | null;
  /** Why it slips, as the manager would tell the customer (e.g. the at-risk reason). */
  reason?: string | null;
  /** Alternatives to offer; none given (or an empty list) means the defaults for the kind. */
  alternatives?: readonly string[] | null;
}): SlipNoticeDraft {
  const { promise, assessment, curve, settings, timeZone } = options;
  const newDate = realisticNewDate({
    curve,
    clockStartedAt: promise.clockStartedAt,
    elapsedMinutes: promise.elapsedMinutes,
    level: settings.newDateLevel,
    addBusinessMinutes: options.addBusinessMinutes,
  });
  const given = options.alternatives?.filter((alternative) => alternative.trim() !== '') ?? [];
  const alternativesAreDefaults = given.length === 0;
  const alternatives = alternativesAreDefaults ? defaultAlternatives(promise.kind) : [...given];

  const subject = `Update on "${promise.title}"`;
  const greeting = options.contactName ? `Hello ${options.contactName},` : 'Hello,';
  const whatHappened = describeWhatHappened({
    promise,
    assessment,
    reason: options.reason ?? null,
    timeZone,
  });
  const apology =
    assessment.basis === 'overdue'
      ? 'We are sorry. You planned around the date we gave you, and we should have told you sooner.'
      : 'We are sorry. You planned around the date we gave you, and we want you to hear it from ' +
        'us now rather than find out on the day.';
  const newDateSentence = describeNewDate(newDate, timeZone);
  const closing = 'Reply to let us know what suits you best.';

  const text = [
    `Subject: ${subject}`,
    greeting,
    whatHappened,
    apology,
    newDateSentence,
    [
      'If that does not work for you, we can offer:',
      ...alternatives.map((alternative) => `- ${capitalise(alternative)}`),
    ].join('\n'),
    closing,
  ].join('\n\n');

  return {
    promiseId: promise.promiseId,
    subject,
    greeting,
    whatHappened,
    apology,
    newDate,
    newDateSentence,
    alternatives,
    alternativesAreDefaults,
    closing,
    text,
  };
}
