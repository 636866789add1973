import { promiseKindPlural } from '../calibration/kind-words.ts';
import { formatShare } from '../calibration/share-words.ts';
import { type PromiseKind, promiseKinds } from '../promise/promise-terms.ts';
import { type BinomialBand, binomialBand } from './binomial.ts';
import type { ForecastAuditSettings } from './forecast-audit-settings.ts';
import type { CalibrationForecastResolution } from './resolve-calibration-forecast.ts';

/**
 * `too_narrow`: fewer outcomes fell within the p-durations than p (over-confident: the durations
 * quoted were too short). `too_wide`: more did (under-confident: quoting longer than needed).
 */
export type CoverageDriftDirection = 'too_narrow' | 'too_wide';

/** The coverage of one nominal level over a set of resolved forecasts. */
export interface CoverageCell {
  level: number;
  /** Forecasts resolved at this level (hits + misses). */
  n: number;
  hits: number;
  /** hits / n; null when nothing was resolved. */
  observed: number | null;
  /** Where hits fall with probability ≥ band.mass if the true coverage is the nominal level. */
  band: BinomialBand;
  drift: CoverageDriftDirection | null;
  /** hits − level · n: how many more outcomes fell inside than the level promised (negative: fewer). */
  excessHits: number;
  pending: number;
  unresolvable: number;
  notStated: number;
}

/** The coverage at every level for one kind of promise, or for all kinds (`kind` null). */
export interface CoverageRow {
  kind: PromiseKind | null;
  forecasts: number;
  cells: CoverageCell[];
}

/** One coverage outside its band, and the kinds it comes from. */
export interface CoverageDrift {
  kind: PromiseKind | null;
  level: number;
  direction: CoverageDriftDirection;
  n: number;
  hits: number;
  observed: number;
  band: BinomialBand;
  /**
   * The kinds it comes from, largest excess first: for a kind, itself; overall, the kinds flagged
   * in the same direction, else the fewest whose excess hits add up to the overall excess.
   */
  from: { kind: PromiseKind; excessHits: number; flagged: boolean }[];
  explanation: string;
}

/** Interval coverage per kind and overall, with every drift flagged. */
export interface IntervalCoverage {
  levels: number[];
  /** The chance a calibrated row (or, unadjusted, a calibrated level) stays inside its band(s). */
  bandMass: number;
  /** The mass of each level's band: bandMass, or 1 − (1 − bandMass)/L adjusted for L levels. */
  levelBandMass: number;
  overall: CoverageRow;
  byKind: CoverageRow[];
  drifts: CoverageDrift[];
}

const LEVEL_TOLERANCE = 1e-9;

/** The coverage of one level: n, hits, hits/n, the exact band of Bin(n, p)/n, and drift outside it. */
function coverageCell(
  resolutions: readonly CalibrationForecastResolution[],
  level: number,
  mass: number,
): CoverageCell {
  let hits = 0;
  let misses = 0;
  let pending = 0;
  let unresolvable = 0;
  let notStated = 0;
  for (const resolution of resolutions) {
    const match = resolution.levels.find((l) => Math.abs(l.level - level) < LEVEL_TOLERANCE);
    const verdict = match?.verdict ?? 'not_stated';
    if (verdict === 'hit') hits++;
    else if (verdict === 'miss') misses++;
    else if (verdict === 'pending') pending++;
    else if (verdict === 'unresolvable') unresolvable++;
    else notStated++;
  }
  const n = hits + misses;
  const band = binomialBand(n, level, mass);
  const drift = hits < band.lowHits ? 'too_narrow' : hits > band.highHits ? 'too_wide' : null;
  return {
    level,
    n,
    hits,
    observed: n === 0 ? null : hits / n,
    band,
    drift: n === 0 ? null : drift,
    excessHits: hits - level * n,
    pending,
    unresolvable,
    notStated,
  };
}

function coverageRow(
  kind: PromiseKind | null,
  resolutions: readonly CalibrationForecastResolution[],
  levels: readonly number[],
  levelBandMass: number,
): CoverageRow {
  return {
    kind,
    forecasts: resolutions.length,
    cells: levels.map((level) => coverageCell(resolutions, level, levelBandMass)),
  };
}

/** Each level's band mass: bandMass, or 1 − (1 − bandMass)/L when adjusted for the L levels. */
export function levelBandMass(settings: ForecastAuditSettings): number {
  if (!settings.adjustForLevels) return settings.bandMass;
  return 1 - (1 - settings.bandMass) / settings.levels.length;
}

/**
 * The kinds an overall drift comes from: those flagged themselves in the same direction, or, when
 * none is, the fewest kinds whose excess hits (same sign) add up to the overall excess, largest
 * first (the overall excess is the sum of the kinds' excesses).
 */
function driftSources(
  overall: CoverageCell,
  byKind: readonly CoverageRow[],
): CoverageDrift['from'] {
  const sign = Math.sign(overall.excessHits);
  const sameSign = byKind
    .flatMap((row) => {
      const cell = row.cells.find((c) => c.level === overall.level);
      if (row.kind === null || cell === undefined) return [];
      if (Math.sign(cell.excessHits) !== sign) return [];
      const flagged = cell.drift === overall.drift;
      return [{ kind: row.kind, excessHits: cell.excessHits, flagged }];
    })
    .sort((a, b) => Math.abs(b.excessHits) - Math.abs(a.excessHits));
  const flagged = sameSign.filter((source) => source.flagged);
  if (flagged.length > 0) return flagged;
  const from: CoverageDrift['from'] = [];
  let accounted = 0;
  for (const source of sameSign) {
    from.push(source);
    accounted += Math.abs(source.excessHits);
    if (accounted >= Math.abs(overall.excessHits) - LEVEL_TOLERANCE) break;
  }
  return from;
}

function describeDrift(kind: PromiseKind | null, cell: CoverageCell, from: CoverageDrift['from']) {
  const subject = kind === null ? 'promises of every kind' : promiseKindPlural(kind);
  const observed = formatShare(cell.observed ?? 0);
  const band = `${formatShare(cell.band.low)}–${formatShare(cell.band.high)}`;
  const verdict =
    cell.drift === 'too_narrow'
      ? 'the durations quoted were too short (over-confident)'
      : 'the durations quoted were longer than needed (under-confident)';
  const sources =
    kind === null && from.length > 0
      ? ` It comes from ${from.map((source) => promiseKindPlural(source.kind)).join(', ')}.`
      : '';
  return (
    `${observed} of ${cell.n} ${subject} were fulfilled within their ${formatShare(cell.level)} ` +
    `duration, outside the ${formatShare(cell.band.mass)} band ${band} for a calibrated forecast: ` +
    `${verdict}.${sources}`
  );
}

function driftsOf(row: CoverageRow, byKind: readonly CoverageRow[]): CoverageDrift[] {
  return row.cells.flatMap((cell): CoverageDrift[] => {
    if (cell.drift === null || cell.observed === null) return [];
    const from =
      row.kind === null
        ? driftSources(cell, byKind)
        : [{ kind: row.kind, excessHits: cell.excessHits, flagged: true }];
    return [
      {
        kind: row.kind,
        level: cell.level,
        direction: cell.drift,
        n: cell.n,
        hits: cell.hits,
        observed: cell.observed,
        band: cell.band,
        from,
        explanation: describeDrift(row.kind, cell, from),
      },
    ];
  });
}

/**
 * Interval coverage of resolved calibration forecasts, per kind and overall: at each nominal p,
 * observed = hits/n, flagged as drift when hits fall outside the central range of Bin(n, p) of
 * mass 1 − (1 − bandMass)/L (Bonferroni over the L levels; bandMass itself when not adjusted).
 */
export function intervalCoverage(
  resolutions: readonly CalibrationForecastResolution[],
  settings: ForecastAuditSettings,
): IntervalCoverage {
  const mass = levelBandMass(settings);
  const byKind = promiseKinds.flatMap((kind) => {
    const ofKind = resolutions.filter((resolution) => resolution.forecast.kind === kind);
    return ofKind.length === 0 ? [] : [coverageRow(kind, ofKind, settings.levels, mass)];
  });
  const overall = coverageRow(null, resolutions, settings.levels, mass);
  return {
    levels: [...settings.levels],
    bandMass: settings.bandMass,
    levelBandMass: mass,
    overall,
    byKind,
    drifts: [overall, ...byKind].flatMap((row) => driftsOf(row, byKind)),
  };
}
