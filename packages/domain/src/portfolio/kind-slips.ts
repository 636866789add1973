import { formatShare } from '../calibration/share-words.ts';
import type { PromiseKind } from '../promise/promise-terms.ts';

/** How the closed promises of one kind ended over a period: counts straight from the projection. */
export interface KindOutcomeTally {
  kind: PromiseKind;
  /** Fulfilled by the deadline first agreed. */
  keptOnTime: number;
  /** Fulfilled by a deadline that was renegotiated later. */
  keptRenegotiated: number;
  /** Fulfilled after the deadline in force. */
  late: number;
  missed: number;
  /** Of the slips (renegotiated, late or missed), how many the customer heard of before the deadline. */
  announcedSlips: number;
}

/** One kind of promise and how much of it slips, with every share's parts. */
export interface KindSlipRate extends KindOutcomeTally {
  /** Promises of the kind that closed kept, late or missed (released and cancelled say nothing). */
  closed: number;
  slips: number;
  /** slips / closed: the share that did not hold as first promised. */
  slipShare: number | null;
  onTimeShare: number | null;
  lateShare: number | null;
  missedShare: number | null;
  /** announcedSlips / slips: how often the customer was told first. */
  announcedShare: number | null;
  /** The kind's record in one sentence. */
  words: string;
}

const share = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

/**
 * Which promise kinds slip: per kind, slip share = (renegotiated + late + missed) / closed, beside
 * on-time, late and missed shares and the share of slips announced before the deadline. Ranked
 * by slip share, most slipping first; kinds with nothing closed come last.
 */
export function rankKindsBySlip(tallies: readonly KindOutcomeTally[]): KindSlipRate[] {
  const rates = tallies.map((tally): KindSlipRate => {
    const slips = tally.keptRenegotiated + tally.late + tally.missed;
    const closed = tally.keptOnTime + slips;
    const slipShare = share(slips, closed);
    const announcedShare = share(tally.announcedSlips, slips);
    return {
      ...tally,
      closed,
      slips,
      slipShare,
      onTimeShare: share(tally.keptOnTime, closed),
      lateShare: share(tally.late, closed),
      missedShare: share(tally.missed, closed),
      announcedShare,
      words: kindWords({ kind: tally.kind, closed, slips, slipShare, announcedShare }),
    };
  });
  return rates.sort(
    (a, b) => (b.slipShare ?? -1) - (a.slipShare ?? -1) || a.kind.localeCompare(b.kind),
  );
}

function kindWords(input: {
  kind: PromiseKind;
  closed: number;
  slips: number;
  slipShare: number | null;
  announcedShare: number | null;
}): string {
  if (input.slipShare === null) return `No ${input.kind} promise closed in this period.`;
  const told =
    input.announcedShare === null
      ? ''
      : `; the customer was told first for ${formatShare(input.announcedShare)} of them`;
  return `${input.slips} of ${input.closed} ${input.kind} promises slipped (${formatShare(input.slipShare)})${told}.`;
}
