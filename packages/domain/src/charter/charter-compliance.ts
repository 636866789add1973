import { z } from 'zod';
import type { BusinessCalendar } from '../calendar/business-calendar.ts';
import { formatShare } from '../calibration/share-words.ts';
import { type Instant, instantMs, instantSchema } from '../shared/instant.ts';
import type { CharterVersion } from './charter.ts';
import type { CharterObservation } from './charter-observation.ts';
import { type CharterMetric, type CharterTerm, termCalendar } from './charter-term.ts';
import { describeTerm, isDurationTerm, termLimit } from './term-target.ts';

/** A half-open window of time [from, to) that compliance is measured over. */
export const complianceWindowSchema = z
  .object({ from: instantSchema, to: instantSchema })
  .refine((window) => instantMs(window.from) < instantMs(window.to), {
    path: ['to'],
    error: 'must be after from',
  });
export type ComplianceWindow = z.output<typeof complianceWindowSchema>;

/** An observation over its term's target, and by how much (in the term's unit). */
export interface TermBreach {
  observationId: string;
  reference: string | null;
  occurredAt: Instant;
  measured: number;
  limit: number;
  over: number;
  unit: string;
}

export type TermComplianceStatus = 'met' | 'breached' | 'no_data';

/** How one term was kept over a window: the share within target against its threshold. */
export interface TermCompliance {
  termId: string;
  metric: CharterMetric;
  name: string | null;
  /** The term as agreed: "first response time: 95% within 4 business hours". */
  term: string;
  threshold: number;
  observed: number;
  withinTarget: number;
  /** withinTarget / observed; null without observations. */
  share: number | null;
  status: TermComplianceStatus;
  /** The observations over target, oldest first. */
  breaches: TermBreach[];
  explanation: string;
}

/**
 * How an account's charter was kept over a window. `share` (what a trust score takes) is the
 * mean of the terms' shares, each term with observations counting once; `pooledShare` is the
 * share of all observations within target. Both are null when nothing was observed.
 */
export interface CharterCompliance {
  accountId: string;
  /** The charter version whose terms are listed: the one in force at the window's end. */
  version: number;
  window: ComplianceWindow;
  terms: TermCompliance[];
  share: number | null;
  pooledShare: number | null;
  observed: number;
  withinTarget: number;
  termsMet: number;
  termsBreached: number;
  termsWithoutData: number;
  explanation: string;
}

/** The version in force at `at`: the last one saved at or before it, else the first. */
export function versionInForce(
  versions: readonly CharterVersion[],
  at: Instant,
): CharterVersion | undefined {
  const byNumber = [...versions].sort((a, b) => a.version - b.version);
  const saved = byNumber.filter((version) => instantMs(version.createdAt) <= instantMs(at));
  return saved.at(-1) ?? byNumber[0];
}

/** A term as it stood at `at`: in the version in force then, else as first agreed. */
export function termAt(
  versions: readonly CharterVersion[],
  termId: string,
  at: Instant,
): CharterTerm | undefined {
  const holding = [...versions]
    .sort((a, b) => a.version - b.version)
    .filter((version) => version.terms.some((term) => term.id === termId));
  const inForce =
    holding.filter((version) => instantMs(version.createdAt) <= instantMs(at)).at(-1) ?? holding[0];
  return inForce?.terms.find((term) => term.id === termId);
}

function judgeTerm(
  term: CharterTerm,
  observations: readonly CharterObservation[],
  context: { versions: readonly CharterVersion[]; accountCalendar: BusinessCalendar },
): TermCompliance {
  let observed = 0;
  const breaches: TermBreach[] = [];
  for (const observation of observations) {
    // Each observation is held to the term as agreed when it happened.
    const agreed = termAt(context.versions, term.id, observation.occurredAt) ?? term;
    const measured = isDurationTerm(agreed) ? observation.businessMinutes : observation.quantity;
    if (measured === null) continue;
    observed += 1;
    const { limit, unit } = termLimit(agreed, termCalendar(agreed, context.accountCalendar));
    if (measured <= limit) continue;
    breaches.push({
      observationId: observation.id,
      reference: observation.reference,
      occurredAt: observation.occurredAt,
      measured,
      limit,
      over: measured - limit,
      unit,
    });
  }
  const withinTarget = observed - breaches.length;
  const share = observed === 0 ? null : withinTarget / observed;
  const status: TermComplianceStatus =
    share === null ? 'no_data' : share < term.threshold ? 'breached' : 'met';
  const agreed = describeTerm(term);
  const explanation =
    share === null
      ? `${agreed}: nothing observed in the window.`
      : `${agreed}: ${withinTarget} of ${observed} observations within target (${formatShare(share)}), ${
          status === 'met' ? 'at or above' : 'below'
        } the ${formatShare(term.threshold)} agreed: ${status}.`;
  return {
    termId: term.id,
    metric: term.metric,
    name: term.name,
    term: agreed,
    threshold: term.threshold,
    observed,
    withinTarget,
    share,
    status,
    breaches,
    explanation,
  };
}

/**
 * How an account kept its charter over [from, to): per term of the version in force at the
 * window's end, the share of its observations within target (each held to the term as agreed
 * when it happened) — breached when below the term's threshold — and overall the mean of the
 * terms' shares: share = Σ shareₜ / T over the T terms with observations.
 */
export function charterCompliance(input: {
  accountId: string;
  versions: readonly CharterVersion[];
  observations: readonly CharterObservation[];
  accountCalendar: BusinessCalendar;
  window: ComplianceWindow;
}): CharterCompliance {
  const { window, versions } = input;
  const listed = versionInForce(versions, window.to);
  const inWindow = input.observations
    .filter(
      (observation) =>
        instantMs(observation.occurredAt) >= instantMs(window.from) &&
        instantMs(observation.occurredAt) < instantMs(window.to),
    )
    .sort((a, b) => instantMs(a.occurredAt) - instantMs(b.occurredAt));
  const terms = (listed?.terms ?? []).map((term) =>
    judgeTerm(
      term,
      inWindow.filter((observation) => observation.termId === term.id),
      { versions, accountCalendar: input.accountCalendar },
    ),
  );
  const shares = terms.flatMap((term) => (term.share === null ? [] : [term.share]));
  const observed = terms.reduce((sum, term) => sum + term.observed, 0);
  const withinTarget = terms.reduce((sum, term) => sum + term.withinTarget, 0);
  const share =
    shares.length === 0 ? null : shares.reduce((sum, value) => sum + value, 0) / shares.length;
  const termsMet = terms.filter((term) => term.status === 'met').length;
  const termsBreached = terms.filter((term) => term.status === 'breached').length;
  const explanation =
    share === null
      ? 'Nothing was observed for the charter in the window.'
      : `${termsMet} of ${shares.length} measured terms met; the mean share within target is ${formatShare(
          share,
        )} (${shares.map(formatShare).join(', ')}).`;
  return {
    accountId: input.accountId,
    version: listed?.version ?? 0,
    window,
    terms,
    share,
    pooledShare: observed === 0 ? null : withinTarget / observed,
    observed,
    withinTarget,
    termsMet,
    termsBreached,
    termsWithoutData: terms.length - shares.length,
    explanation,
  };
}
