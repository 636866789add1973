import { z } from 'zod';
import { DomainError } from '../shared/domain-error.ts';
import { type Instant, idSchema, instantMs, instantSchema } from '../shared/instant.ts';
import { type Touchpoint, type TouchpointKind, touchpointKinds } from './touchpoint.ts';

const noteSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(2000, 'must be at most 2000 characters')
  .nullable()
  .default(null);

const expectedVersionSchema = z
  .number()
  .int('must be a whole number')
  .min(1, 'must be at least 1 (the version you read)');

/** Marking a suggested touchpoint done: what was done (a note) and when (defaults to now). */
export const completeTouchpointInputSchema = z.object({
  touchpointId: idSchema,
  expectedVersion: expectedVersionSchema,
  note: noteSchema,
  doneAt: instantSchema.optional(),
});
export type CompleteTouchpointInput = z.input<typeof completeTouchpointInputSchema>;
export type CompleteTouchpointCommand = z.output<typeof completeTouchpointInputSchema>;

/** Dismissing a suggested touchpoint, with the reason. */
export const dismissTouchpointInputSchema = z.object({
  touchpointId: idSchema,
  expectedVersion: expectedVersionSchema,
  reason: z.string().trim().min(1, 'must not be empty').max(500, 'must be at most 500 characters'),
});
export type DismissTouchpointInput = z.input<typeof dismissTouchpointInputSchema>;
export type DismissTouchpointCommand = z.output<typeof dismissTouchpointInputSchema>;

/** The kinds that thank a customer for a fulfilled promise, and so may name it. */
export const thanksKinds: readonly TouchpointKind[] = [
  'thank_you_after_fulfilment',
  'repeat_customer_thanks',
];

/** A person logging a moment no rule suggested (a referral sent their way, a call), as done. */
export const logTouchpointInputSchema = z
  .object({
    accountId: idSchema,
    kind: z.enum(touchpointKinds),
    note: noteSchema,
    doneAt: instantSchema.optional(),
    /** For a thank-you: the fulfilled promise it thanks for (no rule then suggests it again). */
    promiseId: idSchema.nullable().default(null),
  })
  .refine((command) => command.promiseId === null || thanksKinds.includes(command.kind), {
    path: ['promiseId'],
    error: 'may only be given for a thank-you (thank_you_after_fulfilment, repeat_customer_thanks)',
  });
export type LogTouchpointInput = z.input<typeof logTouchpointInputSchema>;
export type LogTouchpointCommand = z.output<typeof logTouchpointInputSchema>;

function notInFuture(at: Instant, now: Instant, field: string): void {
  if (instantMs(at) > instantMs(now)) {
    throw new DomainError({
      code: 'occurred_in_future',
      kind: 'invalid',
      field,
      message: `must not be in the future (it is now ${now})`,
    });
  }
}

/** Only a waiting suggestion can be acted on, by someone who read its current version. */
function assertSuggestedAt(touchpoint: Touchpoint, expectedVersion: number, action: string): void {
  if (expectedVersion !== touchpoint.version) {
    throw new DomainError({
      code: 'version_conflict',
      kind: 'conflict',
      field: 'expectedVersion',
      message: `The touchpoint is at version ${touchpoint.version}, not ${expectedVersion}: someone changed it since you read it.`,
      details: { currentVersion: touchpoint.version },
    });
  }
  if (touchpoint.status !== 'suggested') {
    throw new DomainError({
      code: 'touchpoint_closed',
      kind: 'illegal_transition',
      field: 'touchpointId',
      message: `Cannot ${action} this touchpoint: it is already ${touchpoint.status}.`,
      details: { status: touchpoint.status },
    });
  }
}

/** A suggested touchpoint done: by whom, when (not in the future), with an optional note. */
export function completeTouchpoint(
  touchpoint: Touchpoint,
  command: Omit<CompleteTouchpointCommand, 'touchpointId'>,
  stamp: { now: Instant; actorId: string | null },
): Touchpoint {
  assertSuggestedAt(touchpoint, command.expectedVersion, 'complete');
  const doneAt = command.doneAt ?? stamp.now;
  notInFuture(doneAt, stamp.now, 'doneAt');
  return {
    ...touchpoint,
    status: 'done',
    note: command.note,
    doneAt,
    doneBy: stamp.actorId,
    updatedAt: stamp.now,
    version: touchpoint.version + 1,
  };
}

/** A suggested touchpoint dismissed: not worth doing, and why. */
export function dismissTouchpoint(
  touchpoint: Touchpoint,
  command: Omit<DismissTouchpointCommand, 'touchpointId'>,
  stamp: { now: Instant },
): Touchpoint {
  assertSuggestedAt(touchpoint, command.expectedVersion, 'dismiss');
  return {
    ...touchpoint,
    status: 'dismissed',
    dismissReason: command.reason,
    dismissedAt: stamp.now,
    updatedAt: stamp.now,
    version: touchpoint.version + 1,
  };
}

/** A moment a person logs as done directly, for the account's owner. */
export function logTouchpoint(
  command: LogTouchpointCommand,
  stamp: { touchpointId: string; ownerId: string; now: Instant; actorId: string | null },
): Touchpoint {
  const doneAt = command.doneAt ?? stamp.now;
  notInFuture(doneAt, stamp.now, 'doneAt');
  return {
    id: stamp.touchpointId,
    accountId: command.accountId,
    ownerId: stamp.ownerId,
    kind: command.kind,
    origin: 'person',
    status: 'done',
    dedupeKey: `logged:${stamp.touchpointId}`,
    promiseId: command.promiseId,
    dueAt: doneAt,
    reason: null,
    note: command.note,
    doneAt,
    doneBy: stamp.actorId,
    dismissedAt: null,
    dismissReason: null,
    createdAt: stamp.now,
    updatedAt: stamp.now,
    version: 1,
  };
}
