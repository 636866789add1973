import { z } from 'zod';
import { type BusinessCalendar, businessCalendarSchema } from '../calendar/business-calendar.ts';
import { type BusinessDuration, businessDurationSchema } from '../calendar/business-duration.ts';
import { idSchema } from '../shared/instant.ts';
import { vagueWordsIn } from './vague-words.ts';

/** What a charter term measures. Every metric but `custom` is a duration in business time. */
export const charterMetrics = [
  'first_response_time',
  'resolution_time',
  'delivery_lead_time',
  'update_cadence',
  'meeting_cadence',
  'custom',
] as const;
export type CharterMetric = (typeof charterMetrics)[number];

/** How each metric is made measurable, in the words of a charter. */
const measurableExample: Record<CharterMetric, string> = {
  first_response_time:
    '"reply within 4 business hours" (target { amount: 4, unit: "business_hours" })',
  resolution_time: '"resolve within 3 business days" (target { amount: 3, unit: "business_days" })',
  delivery_lead_time:
    '"deliver within 10 business days" (target { amount: 10, unit: "business_days" })',
  update_cadence:
    '"an update at least every 2 business days" (target { amount: 2, unit: "business_days" })',
  meeting_cadence:
    '"meet at least every 20 business days" (target { amount: 20, unit: "business_days" })',
  custom:
    '"reply within 4 business hours" (target { amount: 4, unit: "business_hours" }) or "at most 2 defects per release" (quantityTarget { atMost: 2, unit: "defects per release" })',
};

const text = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

/** A target that is a count, not a duration, for a custom metric: "at most 2 defects per release". */
export const quantityTargetSchema = z.object({
  atMost: z
    .number({ error: 'must be a number' })
    .nonnegative('must not be negative')
    .max(1_000_000_000, 'must be at most 1,000,000,000'),
  unit: text(100),
});
export type QuantityTarget = z.output<typeof quantityTargetSchema>;

/** What the client said good service is, in their words, and the target they named if they did. */
export const clientExpectationSchema = z.object({
  statement: text(1000),
  target: businessDurationSchema.nullable().default(null),
  quantityTarget: quantityTargetSchema.nullable().default(null),
});
export type ClientExpectation = z.output<typeof clientExpectationSchema>;

/** How the term was negotiated: what the client asked for, what was agreed, and why. */
export const termNegotiationSchema = z.object({
  clientAsked: text(1000),
  agreed: text(1000),
  reason: text(2000),
});
export type TermNegotiation = z.output<typeof termNegotiationSchema>;

export const termThresholdSchema = z
  .number({ error: 'must be a share between 0 and 1 (0.95 means "95% within the target")' })
  .gt(0, 'must be above 0 (0.95 means "95% within the target")')
  .max(1, 'must be at most 1 (0.95 means "95% within the target")');

/**
 * One term of a service charter as an account manager writes it. `id` carries a term over from
 * the current version (its observations stay with it); leave it out for a new term. A term must
 * be measurable: a business-time target, or for a custom metric a quantity target.
 */
export const charterTermInputSchema = z
  .object({
    id: idSchema.optional(),
    metric: z.enum(charterMetrics),
    /** What a custom metric measures ("defects per release"); optional for the others. */
    name: text(100).nullable().default(null),
    /** The term as worded in the charter ("We reply to every ticket within 4 business hours"). */
    description: text(500).nullable().default(null),
    target: businessDurationSchema.nullable().default(null),
    quantityTarget: quantityTargetSchema.nullable().default(null),
    threshold: termThresholdSchema,
    /** The calendar this term is measured in; null: the account's (else the company's). */
    calendar: businessCalendarSchema.nullable().default(null),
    clientExpectation: clientExpectationSchema.nullable().default(null),
    negotiation: termNegotiationSchema.nullable().default(null),
  })
  .superRefine((term, context) => {
    const issue = (path: string, message: string) =>
      context.addIssue({ code: 'custom', path: [path], message });
    if (term.metric === 'custom' && term.name === null) {
      issue(
        'name',
        'is required for a custom metric: say what is measured, e.g. "defects per release"',
      );
    }
    if (term.quantityTarget !== null && term.metric !== 'custom') {
      issue(
        'quantityTarget',
        `is only for a custom metric: ${term.metric} is measured in business time (give target)`,
      );
    }
    if (term.target !== null && term.quantityTarget !== null) {
      issue('quantityTarget', 'must not be given together with target: a term has one target');
    }
    if (term.target !== null && term.target.amount === 0) {
      context.addIssue({
        code: 'custom',
        path: ['target', 'amount'],
        message: 'must be more than 0',
      });
    }
    if (term.target === null && term.quantityTarget === null) {
      issue('target', notMeasurableMessage(term.metric, term.description));
    }
  });
export type CharterTermInput = z.input<typeof charterTermInputSchema>;
export type CharterTermCommand = z.output<typeof charterTermInputSchema>;

/** The message for a term without a target, naming any vague words its wording leans on. */
function notMeasurableMessage(metric: CharterMetric, description: string | null): string {
  const vague = description === null ? [] : vagueWordsIn(description);
  const named =
    vague.length === 0
      ? ''
      : ` (${vague.map((word) => `"${word}"`).join(', ')} cannot be measured)`;
  return `is not measurable: give a number and a unit, e.g. ${measurableExample[metric]}${named}`;
}

/** A measurable term of one charter version. Its id stays the same in the versions that carry it over. */
export interface CharterTerm {
  id: string;
  metric: CharterMetric;
  name: string | null;
  description: string | null;
  /** The business-time target; null when the term has a quantity target. */
  target: BusinessDuration | null;
  quantityTarget: QuantityTarget | null;
  /** The share of observations that must meet the target (0.95: "95% within 4 business hours"). */
  threshold: number;
  calendar: BusinessCalendar | null;
  clientExpectation: ClientExpectation | null;
  negotiation: TermNegotiation | null;
}

/** The calendar a term is measured in: its own when it names one, else the account's. */
export function termCalendar(
  term: CharterTerm,
  accountCalendar: BusinessCalendar,
): BusinessCalendar {
  return term.calendar ?? accountCalendar;
}
