import { DomainError } from '../shared/domain-error.ts';

// Lanczos approximation, g = 7, 9 coefficients (Numerical Recipes / Boost): relative error
// below 1e-15 for x > 0, far more than the coverage bands need.
const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];

// A cumulative probability computed as a sum of terms can land a hair below a threshold it equals
// in exact arithmetic; a band must not move by one hit on it.
const TOLERANCE = 1e-12;

function invalid(field: string, message: string): DomainError {
  return new DomainError({ code: 'invalid_binomial', kind: 'invalid', field, message });
}

function assertTrials(n: number): void {
  if (Number.isInteger(n) && n >= 0) return;
  throw invalid('n', `must be a whole number of trials, at least 0 (got ${n})`);
}

function assertProbability(p: number, field = 'p'): void {
  if (p >= 0 && p <= 1) return;
  throw invalid(field, `must be a probability between 0 and 1 (got ${p})`);
}

/** ln Γ(x) for x > 0, by the Lanczos approximation (and Γ(x) = Γ(x + 1)/x below 0.5). */
export function logGamma(x: number): number {
  if (!(x > 0)) throw invalid('x', `must be greater than 0 (got ${x})`);
  // Reflection is not needed for x > 0; the recurrence keeps small x accurate.
  if (x < 0.5) return logGamma(x + 1) - Math.log(x);
  const z = x - 1;
  let sum = LANCZOS[0] ?? 1;
  for (let i = 1; i < LANCZOS.length; i++) sum += (LANCZOS[i] ?? 0) / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** P(X = k) for X ~ Bin(n, p): C(n, k) · p^k · (1 − p)^(n − k), computed in logs. */
export function binomialPmf(k: number, n: number, p: number): number {
  assertTrials(n);
  assertProbability(p);
  if (!Number.isInteger(k) || k < 0 || k > n) return 0;
  if (p === 0) return k === 0 ? 1 : 0;
  if (p === 1) return k === n ? 1 : 0;
  const logChoose = logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1);
  return Math.exp(logChoose + k * Math.log(p) + (n - k) * Math.log1p(-p));
}

/** P(X ≤ k) for X ~ Bin(n, p): Σ_{j ≤ k} P(X = j), summed exactly term by term. */
export function binomialCdf(k: number, n: number, p: number): number {
  assertTrials(n);
  assertProbability(p);
  if (k < 0) return 0;
  if (k >= n) return 1;
  let total = 0;
  for (let j = 0; j <= Math.floor(k); j++) total += binomialPmf(j, n, p);
  return Math.min(1, total);
}

/** The smallest k with P(X ≤ k) ≥ q for X ~ Bin(n, p) (the q-quantile of the binomial). */
export function binomialQuantile(q: number, n: number, p: number): number {
  assertTrials(n);
  assertProbability(p);
  assertProbability(q, 'q');
  let total = 0;
  for (let k = 0; k < n; k++) {
    total += binomialPmf(k, n, p);
    if (total >= q - TOLERANCE) return k;
  }
  return n;
}

/**
 * Where the hits of n forecasts that truly cover a share p fall with probability ≥ `mass`: the
 * central range [Q((1 − mass)/2), Q((1 + mass)/2)] of Bin(n, p), exactly, also as shares of n.
 */
export interface BinomialBand {
  n: number;
  p: number;
  mass: number;
  lowHits: number;
  highHits: number;
  /** lowHits / n (0 when n = 0). */
  low: number;
  /** highHits / n (1 when n = 0). */
  high: number;
}

/**
 * The central `mass` range of Bin(n, p): hits outside [Q((1 − mass)/2), Q((1 + mass)/2)] happen
 * with probability at most 1 − mass when the true share is p (an exact, equal-tailed test).
 */
export function binomialBand(n: number, p: number, mass: number): BinomialBand {
  assertTrials(n);
  assertProbability(p);
  if (!(mass > 0 && mass < 1))
    throw invalid('mass', `must lie strictly between 0 and 1 (got ${mass})`);
  if (n === 0) return { n, p, mass, lowHits: 0, highHits: 0, low: 0, high: 1 };
  const lowHits = binomialQuantile((1 - mass) / 2, n, p);
  const highHits = binomialQuantile((1 + mass) / 2, n, p);
  return { n, p, mass, lowHits, highHits, low: lowHits / n, high: highHits / n };
}
