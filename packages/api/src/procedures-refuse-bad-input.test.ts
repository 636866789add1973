import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from './__tests__/test-api.ts';
import { appRouter } from './root.ts';

/** Every procedure of AppRouter, walked, so a new one is covered without anyone remembering. */
const procedurePaths = Object.keys(appRouter._def.procedures).sort();

const unknownId = '00000000-0000-7000-8000-00000000dead';

/** Inputs no caller should be able to turn into a 500: wrong types, empty, absurd, unknown ids. */
const badInputs: unknown[] = [
  null,
  42,
  'text',
  [],
  { id: 'not-a-uuid' },
  {
    id: unknownId,
    accountId: unknownId,
    promiseId: unknownId,
    userId: unknownId,
    teamId: unknownId,
  },
  {
    accountId: unknownId,
    expectedVersion: -1,
    limit: 1e9,
    cursor: '!!!',
    from: 'yesterday',
    to: 'tomorrow',
  },
  { __proto__: { polluted: true }, constructor: { prototype: { polluted: true } } },
  {
    event: { type: 'exploded' },
    due: { kind: 'never' },
    terms: 'all of them',
    observations: Array(3).fill({}),
  },
];

describe('every procedure refuses bad input without a server error', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi();
  });
  afterAll(async () => {
    await api.close();
  });

  it('walks a non-trivial router', () => {
    expect(procedurePaths.length).toBeGreaterThan(40);
  });

  it.each(procedurePaths)('%s answers every bad input with a 4xx, never a 500', async (path) => {
    const [group, name] = path.split('.');
    const caller = api.caller as unknown as Record<
      string,
      Record<string, (input: unknown) => Promise<unknown>>
    >;
    const procedure = group === undefined || name === undefined ? undefined : caller[group]?.[name];
    if (procedure === undefined) throw new Error(`cannot call ${path}`);
    for (const input of badInputs) {
      const outcome = await procedure(input).then(
        () => 'accepted',
        (error: unknown) => error,
      );
      if (outcome === 'accepted') continue;
      expect(outcome, `${path} with ${JSON.stringify(input)}`).toBeInstanceOf(TRPCError);
      expect(
        (outcome as TRPCError).code,
        `${path} with ${JSON.stringify(input)}: ${String(outcome)}`,
      ).not.toBe('INTERNAL_SERVER_ERROR');
    }
  });
});
