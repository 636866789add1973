/**
 * One measured figure beside the baseline it is judged against, both measured in the same run on
 * the same machine, and the goal it has to meet.
 */
export interface BenchFigure {
  /** The suite that measured it (`ingest`, `dashboards`, `api-overhead`, `web-load`). */
  suite: string;
  /** What was measured, in words: "portfolio.kindSlips p95 at 1M promises". */
  name: string;
  value: number;
  /** "rows/s", "ms", "KB", "req/s". */
  unit: string;
  /** The floor measured in the same run, when the goal is a ratio to it. */
  baseline: { name: string; value: number; unit: string } | null;
  /** value ÷ baseline (or the ratio the goal names), null when there is no baseline. */
  ratio: number | null;
  /** The goal in words ("≥ 0.5× the raw insert", "≤ 20 ms") and whether this run met it. */
  goal: { text: string; met: boolean };
  /** Anything that explains the figure: sample counts, rows, concurrency, profile notes. */
  details?: Record<string, unknown>;
}

/** How much history the generator writes. */
export interface HistoryScale {
  accounts: number;
  promises: number;
  events: number;
  observations: number;
}

export const fullScale: HistoryScale = {
  accounts: 10_000,
  promises: 1_000_000,
  events: 5_000_000,
  observations: 1_000_000,
};

/** The same shape of history, `factor` times the size (at least one account). */
export function scaled(scale: HistoryScale, factor: number): HistoryScale {
  return {
    accounts: Math.max(1, Math.round(scale.accounts * factor)),
    promises: Math.round(scale.promises * factor),
    events: Math.round(scale.events * factor),
    observations: Math.round(scale.observations * factor),
  };
}

export interface BenchContext {
  /** The history the run was asked for (`--scale`), the "1M" of the goals at full scale. */
  scale: HistoryScale;
  /**
   * A SQLite store (file path) holding generated history of this scale, generated once and kept
   * under bench/.data for later runs. Suites must not write to it: copy it first if they do.
   */
  history(scale: HistoryScale): Promise<string>;
  /** A line of progress on stderr. */
  log(message: string): void;
}

export interface BenchSuite {
  name: string;
  run(context: BenchContext): Promise<BenchFigure[]>;
}
