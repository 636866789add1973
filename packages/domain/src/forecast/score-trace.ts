import { DomainError } from '../shared/domain-error.ts';
import { type Instant, instantMs } from '../shared/instant.ts';
import {
  type ClosedOutcomeKind,
  combineEvidence,
  type TrustEvidence,
} from '../trust/trust-evidence.ts';
import { trustScore } from '../trust/trust-score.ts';
import type { TrustPrior, TrustSettings } from '../trust/trust-settings.ts';

/** A scope's trust evidence as recorded at one instant (e.g. the daily history of a score). */
export interface TrustSnapshot {
  at: Instant;
  /** Its evidence: the stored, anchored sums (see `evidenceAnchor`) or evidence as of any instant. */
  evidence: TrustEvidence;
  charterCompliance?: number | null;
}

/** One promise that closed between two snapshots, with its evidence (`anchoredContribution`). */
export interface ClosedContribution {
  promiseId: string;
  title?: string | null;
  outcomeKind: ClosedOutcomeKind;
  closedAt: Instant;
  contribution: TrustEvidence;
}

/** What one closed promise did to the score, in points, at the moment it was counted. */
export interface TracedEvent {
  promiseId: string;
  title: string | null;
  outcomeKind: ClosedOutcomeKind;
  closedAt: Instant;
  /** When it entered the score: its closing, or the earlier snapshot if it closed before it. */
  countedAt: Instant;
  points: number;
  description: string;
}

/**
 * Why a score moved between two snapshots. The parts sum to `change` exactly:
 * change = Σ events + aging + charter + unexplained.
 */
export interface ScoreTrace {
  from: { at: Instant; score: number };
  to: { at: Instant; score: number };
  change: number;
  /** The promises that closed in between, in the order they were counted. */
  events: TracedEvent[];
  /** The record aged: old evidence decaying towards the prior while nothing else happened. */
  aging: number;
  /** The charter compliance changed. */
  charter: number;
  /** What the listed outcomes do not account for (e.g. a rebuilt record); 0 when they are complete. */
  unexplained: number;
  explanation: string;
}

const outcomeWords: Record<ClosedOutcomeKind, string> = {
  early: 'delivered early',
  on_time: 'kept on time',
  late: 'delivered late',
  renegotiated_kept: 'renegotiated and kept',
  missed: 'missed',
  released: 'released by the customer',
  cancelled: 'cancelled',
};

function invalid(field: string, message: string): DomainError {
  return new DomainError({ code: 'invalid_score_trace', kind: 'invalid', field, message });
}

/** Signed points to one decimal: "−7.9", "+0.3". */
export function formatPoints(points: number): string {
  const rounded = Math.round(points * 10) / 10;
  return `${rounded < 0 ? '−' : '+'}${Math.abs(rounded).toFixed(1)}`;
}

function describeEvent(closed: ClosedContribution): string {
  const { contribution } = closed;
  const slipped = contribution.slips > 0;
  const told = !slipped
    ? ''
    : contribution.announcedSlips === contribution.slips
      ? ', announced to the customer in time'
      : contribution.announcedSlips === 0
        ? ', not announced to the customer in time'
        : ', partly announced in time';
  const name = closed.title ? `"${closed.title}"` : `promise ${closed.promiseId}`;
  return `${name} ${outcomeWords[closed.outcomeKind]}${told} (closed ${closed.closedAt.slice(0, 10)})`;
}

/**
 * Traces a score change to its causes by replaying it in time: the score ages from snapshot to
 * snapshot, and each promise that closed in between moves it by S(with it) − S(without it) at the
 * moment it was counted; the charter's change and anything not accounted for are parts of their own.
 */
export function traceScoreChange(options: {
  before: TrustSnapshot;
  after: TrustSnapshot;
  closed: readonly ClosedContribution[];
  prior: TrustPrior;
  settings: TrustSettings;
}): ScoreTrace {
  const { before, after, prior, settings } = options;
  const startMs = instantMs(before.at);
  const endMs = instantMs(after.at);
  if (!(startMs <= endMs)) throw invalid('after.at', 'must not be before before.at');
  options.closed.forEach((closed, index) => {
    if (instantMs(closed.closedAt) > endMs) {
      throw invalid(`closed.${index}.closedAt`, 'must not be after the later snapshot');
    }
  });
  const charterBefore = before.charterCompliance ?? null;
  const charterAfter = after.charterCompliance ?? null;
  const scoreOf = (evidence: TrustEvidence, at: Instant, charterCompliance: number | null) =>
    trustScore(evidence, { prior, settings, now: at, charterCompliance }).score;

  const counted = options.closed
    .map((closed) => ({
      closed,
      countedAt: instantMs(closed.closedAt) < startMs ? before.at : closed.closedAt,
    }))
    .sort(
      (a, b) =>
        instantMs(a.countedAt) - instantMs(b.countedAt) ||
        instantMs(a.closed.closedAt) - instantMs(b.closed.closedAt) ||
        a.closed.promiseId.localeCompare(b.closed.promiseId),
    );

  const startScore = scoreOf(before.evidence, before.at, charterBefore);
  let evidence = before.evidence;
  let previous = startScore;
  let aging = 0;
  const events: TracedEvent[] = [];
  for (const { closed, countedAt } of counted) {
    const without = scoreOf(evidence, countedAt, charterBefore);
    aging += without - previous;
    evidence = combineEvidence(evidence, closed.contribution, settings.halfLifeDays);
    const withIt = scoreOf(evidence, countedAt, charterBefore);
    events.push({
      promiseId: closed.promiseId,
      title: closed.title ?? null,
      outcomeKind: closed.outcomeKind,
      closedAt: closed.closedAt,
      countedAt,
      points: withIt - without,
      description: describeEvent(closed),
    });
    previous = withIt;
  }
  const replayed = scoreOf(evidence, after.at, charterBefore);
  aging += replayed - previous;
  const withCharter = scoreOf(evidence, after.at, charterAfter);
  const endScore = scoreOf(after.evidence, after.at, charterAfter);
  const trace = {
    from: { at: before.at, score: startScore },
    to: { at: after.at, score: endScore },
    change: endScore - startScore,
    events,
    aging,
    charter: withCharter - replayed,
    unexplained: endScore - withCharter,
  };
  return { ...trace, explanation: explainTrace(trace) };
}

/** "Fell 8.1 points, from 84.3 to 76.2: −7.9 from …; −0.2 as the record aged." */
function explainTrace(trace: Omit<ScoreTrace, 'explanation'>): string {
  const parts = [
    ...trace.events.map((event) => ({ points: event.points, words: `from ${event.description}` })),
    { points: trace.aging, words: 'as the record aged' },
    { points: trace.charter, words: 'from the charter compliance' },
    { points: trace.unexplained, words: 'not accounted for by the outcomes listed' },
  ]
    .filter((part) => Math.abs(part.points) >= 0.05)
    .sort((a, b) => Math.abs(b.points) - Math.abs(a.points));
  const verb = trace.change < 0 ? 'Fell' : 'Rose';
  const head =
    Math.abs(trace.change) < 0.05
      ? `Held at ${trace.to.score.toFixed(1)}`
      : `${verb} ${Math.abs(trace.change).toFixed(1)} points, from ${trace.from.score.toFixed(1)} to ${trace.to.score.toFixed(1)}`;
  const span = ` between ${trace.from.at.slice(0, 10)} and ${trace.to.at.slice(0, 10)}`;
  if (parts.length === 0) return `${head}${span}.`;
  return `${head}${span}: ${parts.map((part) => `${formatPoints(part.points)} ${part.words}`).join('; ')}.`;
}
