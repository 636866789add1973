import { z } from 'zod';
import type { BusinessCalendar } from '../calendar/business-calendar.ts';
import {
  addBusinessDuration,
  type BusinessDuration,
  businessDurationSchema,
} from '../calendar/business-duration.ts';
import { type Due, importanceLevels, type MakePromiseCommand } from '../promise/promise-terms.ts';
import { DomainError } from '../shared/domain-error.ts';
import type { Instant } from '../shared/instant.ts';
import type { CounterOffer, CustomerRequest } from './customer-request.ts';
import {
  type AnswerStamp,
  answerTargetShape,
  assertAnswerable,
  promiseFromRequest,
  withAnswer,
} from './request-answers.ts';

/**
 * "Not that, but this, provided that": what we can do, the condition it rests on, and how long
 * after the condition is met we deliver ("Delivery in 10 business days provided the customer
 * sends the signed specs").
 */
export const counterRequestInputSchema = z.object({
  ...answerTargetShape,
  offer: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  condition: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(500, 'must be at most 500 characters'),
  within: businessDurationSchema.refine((duration) => duration.amount > 0, {
    path: ['amount'],
    error: 'must be more than zero',
  }),
  importance: z.enum(importanceLevels).default('normal'),
});
export type CounterRequestInput = z.input<typeof counterRequestInputSchema>;
export type CounterRequestCommand = z.output<typeof counterRequestInputSchema>;

const unitWords = {
  business_minutes: 'business minute',
  business_hours: 'business hour',
  business_days: 'business day',
} as const;

/** "10 business days", "1 business hour". */
export function businessDurationWords(duration: BusinessDuration): string {
  const unit = unitWords[duration.unit];
  return `${duration.amount} ${unit}${duration.amount === 1 ? '' : 's'}`;
}

/** The due of a countered promise once its condition is met: `within` from then, in business time. */
export function dueOnceConditionMet(
  within: BusinessDuration,
  context: { calendar: BusinessCalendar; metAt: Instant },
): Due {
  return { kind: 'point', at: addBusinessDuration(context.calendar, context.metAt, within) };
}

/**
 * Countering a request: our offer becomes a conditional promise made now, awaiting its condition
 * (its clock does not run until the condition is met). Its due until then is `within` from now,
 * the earliest it could be; when the condition is met, the due `within` from that moment
 * (`dueOnceConditionMet`) is recorded with it.
 */
export function counterRequest(
  request: CustomerRequest,
  command: CounterRequestCommand,
  stamp: AnswerStamp & { promiseId: string; calendar: BusinessCalendar },
): { request: CustomerRequest; promise: MakePromiseCommand } {
  assertAnswerable(request, command.expectedVersion);
  const promise = promiseFromRequest(request, {
    title: command.offer,
    details: `Counter-offer to the request "${request.title}": ${command.offer}, within ${businessDurationWords(command.within)} once the condition is met.`,
    due: dueOnceConditionMet(command.within, { calendar: stamp.calendar, metAt: stamp.now }),
    importance: command.importance,
    condition: command.condition,
    madeAt: stamp.now,
  });
  const answered = withAnswer(request, {
    type: 'countered',
    promiseId: stamp.promiseId,
    offer: command.offer,
    condition: command.condition,
    within: command.within,
    answeredAt: stamp.now,
    answeredBy: stamp.actorId,
  });
  return { request: answered, promise };
}

/** The counter-offer a request was answered with; anything else cannot have its condition met. */
export function counterOfferOf(request: CustomerRequest): CounterOffer {
  if (request.answer?.type === 'countered') return request.answer;
  throw new DomainError({
    code: 'request_not_countered',
    kind: 'illegal_transition',
    field: 'requestId',
    message:
      request.answer === null
        ? 'This request has not been answered yet: only a counter-offer waits on a condition.'
        : `This request was ${request.answer.type}, not countered: only a counter-offer waits on a condition.`,
  });
}
