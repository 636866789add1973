import type { CalibrationRecord } from '../calibration/calibration-record.ts';
import { kaplanMeier } from '../calibration/kaplan-meier.ts';
import type { OpenPromiseTiming } from '../risk/open-promise-timing.ts';
import type { Instant } from '../shared/instant.ts';

/**
 * A seeded pseudo-random generator (mulberry32): the same seed gives the same sequence on every
 * run and machine, so a statistical test that passes once passes always.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A uniform draw in (0, 1): never exactly 0, so logarithms stay finite. */
function openUnit(random: () => number): number {
  return (random() * 4294967295 + 0.5) / 4294967296;
}

/** A draw from an exponential distribution with the given mean. */
export function exponentialDraw(random: () => number, mean: number): number {
  return -mean * Math.log(openUnit(random));
}

/** A standard normal draw (Box–Muller; the second value is thrown away for simplicity). */
export function normalDraw(random: () => number): number {
  const u = openUnit(random);
  const v = openUnit(random);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** A draw from a log-normal distribution: exp(mu + sigma · Z). */
export function logNormalDraw(random: () => number, mu: number, sigma: number): number {
  return Math.exp(mu + sigma * normalDraw(random));
}

/** The standard normal CDF Φ(z), via the complementary error function (|error| < 1.2e-7). */
export function standardNormalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * x);
  const erfc =
    t *
    Math.exp(
      -x * x -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 +
                            t *
                              (-1.13520398 +
                                t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return z >= 0 ? 1 - erfc / 2 : erfc / 2;
}

/** The p-quantiles of the standard normal that the tests use (to 10 digits). */
export const standardNormalQuantile = {
  0.5: 0,
  0.8: 0.8416212336,
  0.9: 1.2815515655,
  0.95: 1.644853627,
} as const;

export interface GeneratedSample {
  /** What the history records: the observed duration, and whether it ended by fulfilment. */
  records: CalibrationRecord[];
  /** The true durations, including those the censoring hid (for checking, never for fitting). */
  trueDurations: number[];
}

/**
 * `n` promises whose true durations come from `drawDuration`, each watched only until an
 * independent censoring time from `drawCensoring` (the promise is still open, or was missed):
 * the record keeps min(duration, censoring) and whether the duration came first.
 */
export function censoredSample(options: {
  n: number;
  seed: number;
  drawDuration: (random: () => number) => number;
  drawCensoring: (random: () => number) => number;
  record?: Partial<CalibrationRecord>;
}): GeneratedSample {
  const random = seededRandom(options.seed);
  const records: CalibrationRecord[] = [];
  const trueDurations: number[] = [];
  for (let i = 0; i < options.n; i++) {
    const duration = options.drawDuration(random);
    const censoring = options.drawCensoring(random);
    trueDurations.push(duration);
    records.push(
      aCalibrationRecord({
        ...options.record,
        durationMinutes: Math.min(duration, censoring),
        fulfilled: duration <= censoring,
      }),
    );
  }
  return { records, trueDurations };
}

/** Fixed ids for the scopes of calibration tests. */
export const scopeIds = {
  northwind: '0190a4b2-0000-7000-8000-0000000aa001',
  contoso: '0190a4b2-0000-7000-8000-0000000aa002',
  alice: '0190a4b2-0000-7000-8000-0000000bb001',
  bob: '0190a4b2-0000-7000-8000-0000000bb002',
} as const;

/** One record of history: a delivery for Northwind by Alice, fulfilled after a day, unless told. */
export function aCalibrationRecord(overrides: Partial<CalibrationRecord> = {}): CalibrationRecord {
  return {
    kind: 'delivery',
    ownerId: scopeIds.alice,
    accountId: scopeIds.northwind,
    durationMinutes: 480,
    fulfilled: true,
    ...overrides,
  };
}

/** `count` records alike but for their durations, spread evenly from `from` in steps of `step`. */
export function recordsSpread(
  count: number,
  options: { from?: number; step?: number } & Partial<CalibrationRecord> = {},
): CalibrationRecord[] {
  const { from = 60, step = 60, ...overrides } = options;
  return Array.from({ length: count }, (_, i) =>
    aCalibrationRecord({ ...overrides, durationMinutes: from + i * step }),
  );
}

const MINUTE_MS = 60_000;

/**
 * A stand-in for business time in tests: every minute is a business minute (wall-clock time), so
 * expected instants are easy to compute by hand.
 */
export function wallClockAddBusinessMinutes(start: Instant, minutes: number): Instant {
  return new Date(Date.parse(start) + minutes * MINUTE_MS).toISOString();
}

/** One business day in these tests: 8 hours. */
export const BUSINESS_DAY = 480;

/** When the clock of the open promise in risk tests started: Monday 2 March 2026, 09:00 UTC. */
export const CLOCK_START: Instant = '2026-03-02T09:00:00.000Z';

/** Ten comparable deliveries, fulfilled after 1, 2, …, 10 business days: S(k days) = 1 − k/10. */
export const tenDeliveries = kaplanMeier(
  Array.from({ length: 10 }, (_, i) => ({
    durationMinutes: (i + 1) * BUSINESS_DAY,
    fulfilled: true,
  })),
);

/**
 * An open delivery, due 5 business days after its clock started and 4 days in, with the instants
 * the wall-clock stub gives for those durations.
 */
export function anOpenPromise(overrides: Partial<OpenPromiseTiming> = {}): OpenPromiseTiming {
  const dueMinutes = overrides.dueMinutes ?? 5 * BUSINESS_DAY;
  return {
    promiseId: '0190a4b2-0000-7000-8000-00000000d001',
    title: 'Ship the replacement pump',
    kind: 'delivery',
    clockStartedAt: CLOCK_START,
    dueAt: wallClockAddBusinessMinutes(overrides.clockStartedAt ?? CLOCK_START, dueMinutes),
    elapsedMinutes: 4 * BUSINESS_DAY,
    dueMinutes,
    lastMilestone: null,
    ...overrides,
  };
}
