import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/domain-error.ts';
import {
  completeTouchpoint,
  dismissTouchpoint,
  dismissTouchpointInputSchema,
  logTouchpoint,
  logTouchpointInputSchema,
} from './touchpoint-commands.ts';
import { accountId, aSuggestedTouchpoint } from './touchpoint-fixtures.ts';

const now = '2027-03-01T10:00:00.000Z';
const actorId = '00000000-0000-7000-8000-0000000000e2';

function thrown(work: () => unknown): DomainError {
  try {
    work();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('completeTouchpoint', () => {
  it('marks a suggestion done, with the note, when and by whom, at the next version', () => {
    const done = completeTouchpoint(
      aSuggestedTouchpoint(),
      { expectedVersion: 1, note: 'Sent flowers and a card', doneAt: '2027-03-01T09:00:00.000Z' },
      { now, actorId },
    );

    expect(done).toMatchObject({
      status: 'done',
      note: 'Sent flowers and a card',
      doneAt: '2027-03-01T09:00:00.000Z',
      doneBy: actorId,
      updatedAt: now,
      version: 2,
    });
  });

  it('takes now as the moment when none is given', () => {
    const done = completeTouchpoint(
      aSuggestedTouchpoint(),
      { expectedVersion: 1, note: null },
      { now, actorId },
    );
    expect(done.doneAt).toBe(now);
  });

  it('refuses a done time in the future, naming doneAt', () => {
    const error = thrown(() =>
      completeTouchpoint(
        aSuggestedTouchpoint(),
        { expectedVersion: 1, note: null, doneAt: '2027-03-01T10:00:00.001Z' },
        { now, actorId },
      ),
    );
    expect(error).toMatchObject({ kind: 'invalid', code: 'occurred_in_future', field: 'doneAt' });
  });

  it('refuses to complete a touchpoint already done or dismissed: an illegal transition', () => {
    for (const status of ['done', 'dismissed'] as const) {
      const error = thrown(() =>
        completeTouchpoint(
          aSuggestedTouchpoint({ status, version: 2 }),
          { expectedVersion: 2, note: null },
          { now, actorId },
        ),
      );
      expect(error).toMatchObject({
        kind: 'illegal_transition',
        code: 'touchpoint_closed',
        details: { status },
      });
    }
  });

  it('refuses a stale version as a conflict naming the current one', () => {
    const error = thrown(() =>
      completeTouchpoint(
        aSuggestedTouchpoint({ version: 3 }),
        { expectedVersion: 1, note: null },
        { now, actorId },
      ),
    );
    expect(error).toMatchObject({
      kind: 'conflict',
      code: 'version_conflict',
      details: { currentVersion: 3 },
    });
  });
});

describe('dismissTouchpoint', () => {
  it('dismisses a suggestion with the reason, at the next version', () => {
    const dismissed = dismissTouchpoint(
      aSuggestedTouchpoint(),
      { expectedVersion: 1, reason: 'They asked for no gifts' },
      { now },
    );
    expect(dismissed).toMatchObject({
      status: 'dismissed',
      dismissReason: 'They asked for no gifts',
      dismissedAt: now,
      doneAt: null,
      version: 2,
    });
  });

  it('refuses to dismiss one already dismissed', () => {
    const error = thrown(() =>
      dismissTouchpoint(
        aSuggestedTouchpoint({ status: 'dismissed', version: 2 }),
        { expectedVersion: 2, reason: 'again' },
        { now },
      ),
    );
    expect(error.kind).toBe('illegal_transition');
  });

  it('requires a reason', () => {
    const result = dismissTouchpointInputSchema.safeParse({
      touchpointId: aSuggestedTouchpoint().id,
      expectedVersion: 1,
      reason: '  ',
    });
    expect(result.error?.issues.map((i) => [i.path, i.message])).toEqual([
      [['reason'], 'must not be empty'],
    ]);
  });
});

describe('logTouchpoint', () => {
  it('logs a referral a person sent their way directly as done, with a key of its own', () => {
    const command = logTouchpointInputSchema.parse({
      accountId,
      kind: 'referral',
      note: 'Introduced them to Contoso’s buyer',
    });

    const logged = logTouchpoint(command, {
      touchpointId: 'tp-9',
      ownerId: 'owner-1',
      now,
      actorId,
    });

    expect(logged).toEqual({
      id: 'tp-9',
      accountId,
      ownerId: 'owner-1',
      kind: 'referral',
      origin: 'person',
      status: 'done',
      dedupeKey: 'logged:tp-9',
      promiseId: null,
      dueAt: now,
      reason: null,
      note: 'Introduced them to Contoso’s buyer',
      doneAt: now,
      doneBy: actorId,
      dismissedAt: null,
      dismissReason: null,
      createdAt: now,
      updatedAt: now,
      version: 1,
    });
  });

  it('lets only a thank-you name a promise', () => {
    const promiseId = '00000000-0000-7000-8000-0000000000c1';
    expect(
      logTouchpointInputSchema.safeParse({
        accountId,
        kind: 'thank_you_after_fulfilment',
        promiseId,
      }).success,
    ).toBe(true);
    const result = logTouchpointInputSchema.safeParse({ accountId, kind: 'referral', promiseId });
    expect(result.error?.issues.map((i) => i.path)).toEqual([['promiseId']]);
  });

  it('refuses a moment in the future', () => {
    const command = logTouchpointInputSchema.parse({
      accountId,
      kind: 'anniversary',
      doneAt: '2027-03-02T10:00:00Z',
    });
    const error = thrown(() =>
      logTouchpoint(command, { touchpointId: 'tp-9', ownerId: 'o', now, actorId }),
    );
    expect(error).toMatchObject({ code: 'occurred_in_future', field: 'doneAt' });
  });
});
