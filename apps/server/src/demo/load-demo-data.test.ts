import {
  type DatabaseHandle,
  listPromiseSummaries,
  loadPromiseEvents,
  migrateToLatest,
  openDatabase,
} from '@steadfast/db';
import {
  derivePromiseState,
  type PromiseState,
  type PromiseView,
  promiseViewFilter,
  summarisePromise,
} from '@steadfast/domain';
import { afterEach, describe, expect, it } from 'vitest';
import { loadDemoData } from './load-demo-data.ts';

const now = '2026-03-12T09:30:00.000Z';

function counterIds(): () => string {
  let counter = 0;
  return () => {
    counter += 1;
    return `00000000-0000-7000-8000-${counter.toString(16).padStart(12, '0')}`;
  };
}

const handles: DatabaseHandle[] = [];
afterEach(async () => {
  await Promise.all(handles.splice(0).map((handle) => handle.close()));
});

async function loaded(seed: number, at = now) {
  const handle = openDatabase({ kind: 'sqlite', file: ':memory:' });
  handles.push(handle);
  await migrateToLatest(handle.db);
  const counts = await loadDemoData(handle.db, { now: at, newId: counterIds(), seed });
  return { db: handle.db, counts };
}

async function allStates(db: DatabaseHandle['db']): Promise<PromiseState[]> {
  const summaries = await listPromiseSummaries(db, { limit: 10_000 });
  return Promise.all(
    summaries.map(async (summary) => derivePromiseState(await loadPromiseEvents(db, summary.id))),
  );
}

async function titlesInOrder(db: DatabaseHandle['db']): Promise<string[]> {
  const rows = await db
    .selectFrom('promises')
    .select('title')
    .orderBy('made_at')
    .orderBy('title')
    .execute();
  return rows.map((row) => row.title);
}

/** Told the customer before the due, with an apology and something else they could have. */
const announcedBeforeDue = (state: PromiseState) =>
  state.notices.some(
    (notice) => notice.beforeDue && notice.apologised && notice.alternativesOffered.length > 0,
  );

const silent = (state: PromiseState) =>
  !state.notices.some((notice) => notice.beforeDue) && state.renegotiations.length === 0;

const ms = (instant: string | null) => Date.parse(instant ?? '');

describe('loadDemoData', () => {
  it('fills the store with a team, about thirty clients and a few hundred promises', async () => {
    const { db, counts } = await loaded(7);
    expect(counts.users).toBe(6);
    expect(counts.accounts).toBeGreaterThanOrEqual(25);
    expect(counts.accounts).toBeLessThanOrEqual(35);
    expect(counts.promises).toBeGreaterThanOrEqual(300);
    expect(counts.promises).toBeLessThanOrEqual(450);
    expect(counts.events).toBeGreaterThan(counts.promises * 2);

    const stored = await db
      .selectFrom('promise_events')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    expect(Number(stored.count)).toBe(counts.events);
    const contacts = await db.selectFrom('contacts').select(['account_id']).execute();
    expect(new Set(contacts.map((contact) => contact.account_id)).size).toBe(counts.accounts);
  });

  it('stores for every promise the projection its own events derive', async () => {
    const { db } = await loaded(7);
    const summaries = await listPromiseSummaries(db, { limit: 10_000 });
    for (const summary of summaries) {
      const events = await loadPromiseEvents(db, summary.id);
      expect(summary).toEqual(summarisePromise(derivePromiseState(events)));
    }
  });

  it('has nothing happen after now', async () => {
    const { db } = await loaded(7);
    const latest = await db
      .selectFrom('promise_events')
      .select((eb) => [
        eb.fn.max('occurred_at').as('occurred'),
        eb.fn.max('recorded_at').as('recorded'),
      ])
      .executeTakeFirstOrThrow();
    expect(latest.occurred <= now).toBe(true);
    expect(latest.recorded <= now).toBe(true);
  });

  it.each<PromiseView>(['due_today', 'overdue', 'at_risk', 'upcoming'])(
    'gives the %s view something to show',
    async (view) => {
      const { db } = await loaded(7);
      const listed = await listPromiseSummaries(db, {
        ...promiseViewFilter(view, now, 'UTC'),
        limit: 500,
      });
      expect(listed.length).toBeGreaterThan(0);
    },
  );

  it('tells every kind of outcome: early, late, announced and silent misses, and the rest', async () => {
    const { db } = await loaded(7);
    const states = await allStates(db);
    const fulfilled = states.filter((state) => state.status === 'fulfilled');
    const missed = states.filter((state) => state.status === 'missed');
    const deadline = (state: PromiseState) =>
      state.due.kind === 'point' ? state.due.at : state.due.latest;
    const start = (state: PromiseState) =>
      state.due.kind === 'point' ? state.due.at : state.due.earliest;

    // Early: delivered with more than a fifth of the time allowed to spare.
    const early = fulfilled.filter(
      (state) =>
        ms(state.fulfilledAt) <
        ms(start(state)) - 0.2 * (ms(deadline(state)) - ms(state.clockStartedAt)),
    );
    expect(early.length).toBeGreaterThan(20);
    expect(
      fulfilled.filter((state) => ms(state.fulfilledAt) > ms(deadline(state))).length,
    ).toBeGreaterThan(10);
    expect(missed.filter(announcedBeforeDue).length).toBeGreaterThan(2);
    expect(missed.filter(silent).length).toBeGreaterThan(5);
    expect(
      states.filter((state) => state.renegotiations.length > 0 && state.status === 'fulfilled')
        .length,
    ).toBeGreaterThan(5);
    for (const status of ['released', 'cancelled', 'open'] as const) {
      expect(states.some((state) => state.status === status)).toBe(true);
    }
    expect(
      states.some((state) => state.partialDeliveries.length > 0 && state.status === 'fulfilled'),
    ).toBe(true);
    expect(states.some((state) => state.lastMilestone?.milestone === 'Handed to carrier')).toBe(
      true,
    );
    expect(states.some((state) => state.conditionMetAt !== null)).toBe(true);

    const integrated = states.filter((state) => state.terms.source.type === 'integration').length;
    expect(integrated / states.length).toBeGreaterThan(0.05);
    expect(integrated / states.length).toBeLessThan(0.2);
    const normal = states.filter((state) => state.terms.importance === 'normal').length;
    expect(normal / states.length).toBeGreaterThan(0.5);
  });

  it('gives the managers different records: one keeps nearly everything, one is erratic', async () => {
    const { db } = await loaded(7);
    const users = await db.selectFrom('users').select(['id', 'email']).execute();
    const states = await allStates(db);
    const slipRate = (email: string) => {
      const ownerId = users.find((user) => user.email === email)?.id;
      const closed = states.filter(
        (state) =>
          state.terms.ownerId === ownerId &&
          (state.status === 'fulfilled' || state.status === 'missed'),
      );
      const slipped = closed.filter(
        (state) =>
          state.status === 'missed' ||
          (state.fulfilledAt ?? '') >
            (state.due.kind === 'point' ? state.due.at : state.due.latest),
      );
      return slipped.length / closed.length;
    };
    expect(slipRate('maria.lopez@steadfast.demo')).toBeLessThan(
      slipRate('jonas.becker@steadfast.demo'),
    );
  });

  it('gives the same promises in the same order for the same seed, and others for another seed', async () => {
    const first = await titlesInOrder((await loaded(7)).db);
    const second = await titlesInOrder((await loaded(7)).db);
    const other = await titlesInOrder((await loaded(8)).db);
    expect(second).toEqual(first);
    expect(other).not.toEqual(first);
  });

  it.each([
    [1, '2025-07-06T23:45:00.000Z'],
    [2, '2026-01-01T00:05:00.000Z'],
    [3, '2026-10-25T01:30:00.000Z'],
  ])('loads with seed %i at %s without the domain rejecting anything', async (seed, at) => {
    const { db, counts } = await loaded(seed, at);
    expect(counts.promises).toBeGreaterThanOrEqual(300);
    const dueToday = await listPromiseSummaries(db, {
      ...promiseViewFilter('due_today', at, 'UTC'),
      limit: 500,
    });
    expect(dueToday.length).toBeGreaterThan(0);
  });
});
