import { type AppRouter, hashPassword } from '@steadfast/api';
import { insertUser, setUserPasswordHash } from '@steadfast/db';
import { createTestDatabase, databaseKinds, type TestDatabase } from '@steadfast/db/testing';
import { createTRPCClient, httpLink, type TRPCClient, TRPCClientError } from '@trpc/client';
import type { FastifyInstance } from 'fastify';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loginCookie } from '../__tests__/login.ts';
import { buildHttpServer } from '../http-server.ts';

const adminId = '00000000-0000-7000-8000-0000000000c1';
const managerId = '00000000-0000-7000-8000-0000000000c2';
const password = 'two clients, one record';
const rounds = 25;

type Client = TRPCClient<AppRouter>;

/** What one racer's call came to: its result, or the error the server answered with. */
type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

async function settle<T>(call: Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await call };
  } catch (error) {
    return { ok: false, error };
  }
}

/**
 * Exactly one of two racers won, and the other was told 409 `version_conflict` with the version
 * the winner left (in `details.currentVersion`, and in words in the message).
 */
function oneWinnerOneConflict<T>(
  outcomes: [Outcome<T>, Outcome<T>],
  versionOf: (winner: T) => number,
): { winner: 0 | 1; value: T } {
  const [first, second] = outcomes;
  const won = [first, second].filter((outcome) => outcome.ok);
  expect(won, 'exactly one of the two edits succeeds').toHaveLength(1);
  const winner = first.ok ? 0 : 1;
  const winning = outcomes[winner];
  const losing = outcomes[winner === 0 ? 1 : 0];
  if (!winning.ok || losing.ok) throw new Error('unreachable: one won, one lost');
  const currentVersion = versionOf(winning.value);
  expect(losing.error).toBeInstanceOf(TRPCClientError);
  const error = losing.error as TRPCClientError<AppRouter>;
  expect(error.data).toMatchObject({
    code: 'CONFLICT',
    httpStatus: 409,
    errorCode: 'version_conflict',
    fieldErrors: { expectedVersion: [expect.any(String)] },
    details: { currentVersion },
  });
  expect(error.message).toContain(`version ${currentVersion}`);
  return { winner, value: winning.value };
}

describe.each(databaseKinds)('two clients editing one record at the same moment (%s)', (kind) => {
  let database: TestDatabase;
  let server: FastifyInstance;
  let url: string;
  /** The account's manager and an admin: two sessions, both allowed to change the account. */
  let clients: [Client, Client];
  const names = ['manager', 'admin'] as const;
  let accountId: string;

  beforeAll(async () => {
    database = await createTestDatabase(kind, { postgresUrl: inject('postgresUrl') });
    const createdAt = '2026-01-05T09:00:00.000Z';
    for (const [id, name, email, role] of [
      [adminId, 'Sam Admin', 'sam@example.com', 'admin'],
      [managerId, 'Ada Manager', 'ada@example.com', 'account_manager'],
    ] as const) {
      await insertUser(database.db, { id, name, email, role, createdAt });
      await setUserPasswordHash(database.db, id, await hashPassword(password));
    }
    server = buildHttpServer({
      db: database.db,
      now: () => new Date().toISOString(),
      newId: uuidv7,
      logLevel: 'silent',
    });
    url = await server.listen({ port: 0, host: '127.0.0.1' });
    const clientOf = async (email: string) => {
      const cookie = await loginCookie(url, email, password);
      return createTRPCClient<AppRouter>({
        links: [httpLink({ url: `${url}/trpc`, headers: { cookie } })],
      });
    };
    clients = [await clientOf('ada@example.com'), await clientOf('sam@example.com')];
    const account = await clients[1].account.create.mutate({
      name: 'Northwind',
      ownerId: managerId,
      stage: 'active',
    });
    accountId = account.id;
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  it(`promise.recordEvent: in each of ${rounds} rounds one edit wins, the other gets a conflict naming the winner's version, and only the winners' events are stored`, async () => {
    const made = await clients[0].promise.create.mutate({
      accountId,
      ownerId: managerId,
      kind: 'delivery',
      title: 'Ship the replacement router',
      due: { kind: 'point', at: new Date(Date.now() + 10 * 86_400_000).toISOString() },
    });
    const kept: string[] = [];
    for (let round = 0; round < rounds; round += 1) {
      // Both clients read the promise, then both send an edit made on what they read.
      const read = await Promise.all(clients.map((c) => c.promise.get.query({ id: made.id })));
      const versions = read.map((r) => r.promise.version);
      expect(versions[0]).toBe(versions[1]);
      const milestones = names.map((name) => `round ${round}: handed over by ${name}`);
      const outcomes = await Promise.all(
        clients.map((client, n) =>
          settle(
            client.promise.recordEvent.mutate({
              promiseId: made.id,
              expectedVersion: read[n]?.promise.version ?? 0,
              event: { type: 'progress', milestone: milestones[n] ?? '' },
            }),
          ),
        ),
      );
      const { winner, value } = oneWinnerOneConflict(
        outcomes as [Outcome<{ version: number }>, Outcome<{ version: number }>],
        (state) => state.version,
      );
      expect(value.version).toBe((versions[0] ?? 0) + 1);
      kept.push(milestones[winner] ?? '');
    }
    const { promise, events } = await clients[1].promise.get.query({ id: made.id });
    expect(promise.version).toBe(rounds + 1);
    expect(events.map((event) => event.sequence)).toEqual(
      Array.from({ length: rounds + 1 }, (_, n) => n + 1),
    );
    expect(events.flatMap((event) => (event.type === 'progress' ? [event.milestone] : []))).toEqual(
      kept,
    );
  }, 120_000);

  /** A charter of one term whose description says who wrote it in which round. */
  const termsBy = (author: string) => [
    {
      metric: 'first_response_time' as const,
      description: author,
      target: { amount: 4, unit: 'business_hours' as const },
      threshold: 0.95,
    },
  ];

  it(`charter.save: in each of ${rounds} rounds, the first among them, one save wins, the other gets a conflict naming the winner's version, and only the winners' versions are stored`, async () => {
    const kept: string[] = [];
    for (let round = 0; round < rounds; round += 1) {
      const read = await Promise.all(clients.map((c) => c.charter.get.query({ accountId })));
      const versions = read.map((r) => r.charter?.head.currentVersion ?? 0);
      expect(versions[0]).toBe(round);
      expect(versions[1]).toBe(round);
      const authors = names.map((name) => `round ${round}: saved by ${name}`);
      const outcomes = await Promise.all(
        clients.map((client, n) =>
          settle(
            client.charter.save.mutate({
              accountId,
              expectedVersion: versions[n] ?? 0,
              terms: termsBy(authors[n] ?? ''),
              changeNote: authors[n] ?? '',
            }),
          ),
        ),
      );
      const { winner, value } = oneWinnerOneConflict(
        outcomes as [
          Outcome<{ head: { currentVersion: number } }>,
          Outcome<{ head: { currentVersion: number } }>,
        ],
        (charter) => charter.head.currentVersion,
      );
      expect(value.head.currentVersion).toBe(round + 1);
      kept.push(authors[winner] ?? '');
    }
    const { versions } = await clients[0].charter.history.query({ accountId });
    const oldestFirst = [...versions].reverse();
    expect(oldestFirst.map((version) => version.version)).toEqual(
      Array.from({ length: rounds }, (_, n) => n + 1),
    );
    expect(oldestFirst.map((version) => version.changeNote)).toEqual(kept);
    expect(oldestFirst.map((version) => version.terms[0]?.description)).toEqual(kept);
  }, 120_000);

  it(`charter.recordReview with a revision: in each of ${rounds} rounds one review wins, the other gets a conflict naming the winner's version, and only the winners' reviews and versions are stored`, async () => {
    const before = await clients[0].charter.history.query({ accountId });
    const start = before.versions[0]?.version ?? 0;
    expect(start).toBeGreaterThan(0);
    const kept: string[] = [];
    for (let round = 0; round < rounds; round += 1) {
      const read = await Promise.all(clients.map((c) => c.charter.get.query({ accountId })));
      const versions = read.map((r) => r.charter?.head.currentVersion ?? 0);
      expect(versions).toEqual([start + round, start + round]);
      const authors = names.map((name) => `round ${round}: reviewed by ${name}`);
      const outcomes = await Promise.all(
        clients.map((client, n) =>
          settle(
            client.charter.recordReview.mutate({
              accountId,
              expectedVersion: versions[n] ?? 0,
              notes: authors[n] ?? '',
              revision: { terms: termsBy(authors[n] ?? ''), changeNote: authors[n] ?? '' },
            }),
          ),
        ),
      );
      const { winner, value } = oneWinnerOneConflict(
        outcomes as [
          Outcome<{ charter: { head: { currentVersion: number } } }>,
          Outcome<{ charter: { head: { currentVersion: number } } }>,
        ],
        (reviewed) => reviewed.charter.head.currentVersion,
      );
      expect(value.charter.head.currentVersion).toBe(start + round + 1);
      kept.push(authors[winner] ?? '');
    }
    const after = await clients[1].charter.history.query({ accountId });
    const reviews = after.reviews.filter((review) => review.reviewedVersion >= start);
    expect(reviews.map((review) => review.notes).reverse()).toEqual(kept);
    const revised = after.versions.filter((version) => version.version > start).reverse();
    expect(revised.map((version) => version.version)).toEqual(
      Array.from({ length: rounds }, (_, n) => start + n + 1),
    );
    expect(revised.map((version) => version.changeNote)).toEqual(kept);
  }, 120_000);

  it(`charter.recordReview without a revision: in each of ${rounds} rounds two reviews of the same version at the same moment take turns, so the charter's last review is never moved back to the earlier one`, async () => {
    const { id: contosoId } = await clients[1].account.create.mutate({
      name: 'Contoso',
      ownerId: managerId,
      stage: 'active',
    });
    const charter = await clients[0].charter.save.mutate({
      accountId: contosoId,
      expectedVersion: 0,
      terms: termsBy('agreed once'),
    });
    const version = charter.head.currentVersion;
    const since = Date.parse(charter.head.createdAt);
    let recorded = 0;
    for (let round = 0; round < rounds; round += 1) {
      // The manager's review is a millisecond earlier than the admin's, both after the last one.
      const reviewedAt = [1, 2].map((ms) => new Date(since + 2 * round + ms).toISOString());
      const outcomes = await Promise.all(
        clients.map((client, n) =>
          settle(
            client.charter.recordReview.mutate({
              accountId: contosoId,
              expectedVersion: version,
              reviewedAt: reviewedAt[n],
              notes: `round ${round}: reviewed by ${names[n]}`,
            }),
          ),
        ),
      );
      // The later review always stands. The earlier one stands when it came first, and is
      // otherwise refused for being before the last review: never a conflict, never a 500.
      expect(outcomes[1]?.ok).toBe(true);
      const earlier = outcomes[0];
      if (earlier !== undefined && !earlier.ok) {
        expect((earlier.error as TRPCClientError<AppRouter>).data).toMatchObject({
          httpStatus: 400,
          errorCode: 'invalid_reviewed_at',
        });
      }
      recorded += earlier?.ok ? 2 : 1;
      const after = await clients[1].charter.get.query({ accountId: contosoId });
      expect(after.charter?.head.lastReviewedAt).toBe(reviewedAt[1]);
      expect(after.charter?.head.currentVersion).toBe(version);
    }
    const history = await clients[1].charter.history.query({ accountId: contosoId });
    expect(history.reviews).toHaveLength(recorded);
  }, 120_000);

  it(`REST POST /api/v1/promises/{promiseId}/events: two integrations at the same moment, ${rounds} rounds, one 200 and one 409 naming the winner's version each`, async () => {
    const tokens = await Promise.all(
      ['Order system', 'Helpdesk'].map(async (name) => {
        const { secret } = await clients[1].token.create.mutate({
          name,
          scopes: ['promises:read', 'promises:write'],
        });
        return secret;
      }),
    );
    const call = async (
      token: string | undefined,
      method: string,
      path: string,
      body?: unknown,
    ) => {
      const response = await fetch(`${url}/api${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token ?? ''}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    const made = await call(tokens[0], 'POST', '/v1/promises', {
      accountId,
      ownerId: managerId,
      kind: 'delivery',
      title: 'Ship the spare parts',
      due: { kind: 'point', at: new Date(Date.now() + 10 * 86_400_000).toISOString() },
      source: { type: 'integration', system: 'order-system', reference: 'SO-7' },
    });
    expect(made.status).toBe(200);
    const promiseId = String(made.body.id);
    const kept: string[] = [];
    for (let round = 0; round < rounds; round += 1) {
      const read = await Promise.all(
        tokens.map((token) => call(token, 'GET', `/v1/promises/${promiseId}`)),
      );
      const versions = read.map(
        (r) => (r.body.promise as { version: number } | undefined)?.version ?? 0,
      );
      expect(versions).toEqual([round + 1, round + 1]);
      const milestones = ['order system', 'helpdesk'].map((by) => `round ${round}: by ${by}`);
      const answers = await Promise.all(
        tokens.map((token, n) =>
          call(token, 'POST', `/v1/promises/${promiseId}/events`, {
            expectedVersion: versions[n],
            event: { type: 'progress', milestone: milestones[n] },
          }),
        ),
      );
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
      const winner = answers[0]?.status === 200 ? 0 : 1;
      const currentVersion = round + 2;
      expect(answers[winner]?.body).toMatchObject({ version: currentVersion });
      const loss = answers[winner === 0 ? 1 : 0]?.body;
      expect(loss).toMatchObject({
        code: 'CONFLICT',
        errorCode: 'version_conflict',
        httpStatus: 409,
        details: { currentVersion },
      });
      expect(String(loss?.message)).toContain(`version ${currentVersion}`);
      kept.push(milestones[winner] ?? '');
    }
    const stored = await call(tokens[1], 'GET', `/v1/promises/${promiseId}`);
    const events = stored.body.events as { type: string; milestone?: string }[];
    expect(events.filter((e) => e.type === 'progress').map((e) => e.milestone)).toEqual(kept);
  }, 120_000);
});
