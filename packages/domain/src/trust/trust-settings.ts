import { z } from 'zod';
import { businessDayMinutesSchema } from '../calibration/business-duration-words.ts';

const positiveSchema = z.number().gt(0, 'must be greater than 0');
const nonNegativeSchema = z.number().min(0, 'must not be negative');
const shareSchema = z
  .number()
  .gt(0, 'must be greater than 0')
  .lt(1, 'must be less than 1 (a share, e.g. 0.5)');

/** How much each importance counts as evidence: a critical promise weighs six low ones. */
const importanceWeightsSchema = z.object({
  low: positiveSchema.default(0.5),
  normal: positiveSchema.default(1),
  high: positiveSchema.default(2),
  critical: positiveSchema.default(3),
});

/** The negative evidence (in promises' worth) each kind of slip carries; see the package README, "Trust score". */
const blameSchema = z.object({
  /** A miss recorded at its deadline, unannounced: as much blame as a kept promise gives credit. */
  miss: positiveSchema.default(1),
  /** A renegotiation that moved the deadline later, unannounced; the promise was then kept. */
  renegotiation: nonNegativeSchema.default(0.4),
  /** A promise we cancelled while still in time. */
  cancellation: nonNegativeSchema.default(0.3),
  /** Lateness that carries one full unit of blame (2,400 min: five 8-hour business days). */
  fullBlameLatenessMinutes: positiveSchema.default(2400),
  /** A slip announced before its deadline carries this share of a silent slip's blame. */
  announcedFactor: shareSchema.default(0.5),
  /** A miss after a part was delivered carries this share of a plain miss's blame. */
  partialDeliveryFactor: z
    .number()
    .gt(0, 'must be greater than 0')
    .max(1, 'must be at most 1')
    .default(0.75),
});

/** How much each component counts in the combined score (renormalised over those counted). */
const componentWeightsSchema = z.object({
  reliability: positiveSchema.default(0.55),
  consistency: nonNegativeSchema.default(0.15),
  proactivity: nonNegativeSchema.default(0.15),
  charter: nonNegativeSchema.default(0.15),
});

/** How trust is scored; every field has a default. */
export const trustSettingsSchema = z.object({
  /** Evidence loses half its weight every this many days. */
  halfLifeDays: positiveSchema.default(180),
  /** How many promises' worth the prior (the typical reliability) counts for. */
  priorWeight: positiveSchema.default(2),
  /** The probability mass of the credible interval shown around the score. */
  credibleMass: shareSchema.default(0.9),
  importanceWeights: importanceWeightsSchema.prefault({}),
  blame: blameSchema.prefault({}),
  /** Root-mean-square lateness (business minutes) at which consistency is halved. */
  consistencyHalvingMinutes: positiveSchema.default(480),
  /** The share of slips assumed announced before any is seen (worth `priorWeight` slips). */
  proactivityPriorShare: shareSchema.default(0.5),
  componentWeights: componentWeightsSchema.prefault({}),
  businessDayMinutes: businessDayMinutesSchema,
});
export type TrustSettingsInput = z.input<typeof trustSettingsSchema>;
export type TrustSettings = z.output<typeof trustSettingsSchema>;

/** The settings when nobody has changed any. */
export const defaultTrustSettings: TrustSettings = trustSettingsSchema.parse({});

/** Where a new account starts: the company's typical reliability for this kind of work. */
export const trustPriorSchema = z.object({
  typicalReliability: shareSchema,
});
export type TrustPrior = z.output<typeof trustPriorSchema>;
