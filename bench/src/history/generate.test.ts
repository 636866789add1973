import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCaller, jobHandlers, verifyPassword } from '@steadfast/api';
import {
  type DatabaseHandle,
  findAccount,
  findPromiseSummary,
  loadPromiseState,
  openDatabase,
} from '@steadfast/db';
import {
  calendarFor,
  derivePromiseState,
  measurePromise,
  summarisePromise,
} from '@steadfast/domain';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryScale } from '../figure.ts';
import { copyHistoryToDataDir, serverSqliteFileName } from './fixture.ts';
import { generateHistory, historySettings } from './generate.ts';
import { benchLeader, HISTORY_NOW, HISTORY_PASSWORD, HISTORY_PASSWORD_HASH } from './reference.ts';

const small: HistoryScale = { accounts: 20, promises: 2000, events: 10_000, observations: 2000 };

/** A hash of every row of every table (the migration bookkeeping included), in a stable order. */
function contentHash(file: string): string {
  const sqlite = new BetterSqlite3(file, { readonly: true });
  try {
    const hash = createHash('sha256');
    const tables = sqlite
      .prepare("select name from sqlite_master where type = 'table' order by name")
      .all() as { name: string }[];
    for (const { name } of tables) {
      hash.update(`\u0000table ${name}\u0000`);
      const columns = (sqlite.prepare(`pragma table_info("${name}")`).all() as { name: string }[])
        .map((column) => `"${column.name}"`)
        .join(', ');
      for (const row of sqlite
        .prepare(`select ${columns} from "${name}" order by ${columns}`)
        .iterate()) {
        hash.update(JSON.stringify(row));
      }
    }
    return hash.digest('hex');
  } finally {
    sqlite.close();
  }
}

function rows(file: string, query: string): unknown[] {
  const sqlite = new BetterSqlite3(file, { readonly: true });
  try {
    return sqlite.prepare(query).all();
  } finally {
    sqlite.close();
  }
}

let folder: string;
let file: string;
let handle: DatabaseHandle;
const log = () => {};

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'bench-history-test-'));
  file = join(folder, 'history.sqlite');
  await generateHistory({ file, scale: small, workers: 0, log });
  handle = openDatabase({ kind: 'sqlite', file });
});

afterAll(async () => {
  await handle?.close();
  await rm(folder, { recursive: true, force: true });
});

describe('generated history', () => {
  it('is the same, row for row, for the same seed (inline or on worker threads), and different for another seed', async () => {
    const again = join(folder, 'again.sqlite');
    const other = join(folder, 'other.sqlite');
    await generateHistory({ file: again, scale: small, workers: 2, log });
    await generateHistory({ file: other, scale: small, seed: 7, log });
    const first = contentHash(file);
    expect(contentHash(again)).toBe(first);
    expect(contentHash(other)).not.toBe(first);
  });

  it('has the requested size and a realistic mix of outcomes', () => {
    const [counts] = rows(
      file,
      `select (select count(*) from accounts) accounts, (select count(*) from promises) promises,
              (select count(*) from promise_events) events,
              (select count(*) from charter_observations) observations`,
    ) as { accounts: number; promises: number; events: number; observations: number }[];
    expect(counts?.accounts).toBe(small.accounts);
    expect(counts?.promises).toBe(small.promises);
    expect(counts?.events).toBeGreaterThan(small.events * 0.9);
    expect(counts?.events).toBeLessThan(small.events * 1.1);
    expect(counts?.observations).toBeGreaterThan(small.observations * 0.9);
    const statuses = Object.fromEntries(
      (
        rows(file, 'select status, count(*) n from promises group by status') as {
          status: string;
          n: number;
        }[]
      ).map((row) => [row.status, row.n / small.promises]),
    );
    expect(statuses.fulfilled).toBeGreaterThan(0.7);
    expect(statuses.missed).toBeGreaterThan(0.005);
    expect(statuses.open).toBeGreaterThan(0.002);
    const kinds = rows(file, 'select distinct type from promise_events order by type') as {
      type: string;
    }[];
    expect(kinds.map((k) => k.type)).toEqual(
      expect.arrayContaining([
        'made',
        'progress',
        'at_risk_flagged',
        'customer_informed',
        'renegotiated',
        'fulfilled',
        'missed',
      ]),
    );
    const [late] = rows(
      file,
      "select count(*) n from promises where status = 'fulfilled' and lateness_minutes > 0",
    ) as { n: number }[];
    expect(late?.n).toBeGreaterThan(0);
  });

  it("stores each promise's projection as the app derives it from the stored events", async () => {
    const sample = rows(file, 'select id from promises order by id limit 300') as { id: string }[];
    expect(sample).toHaveLength(300);
    for (const { id } of sample.filter((_, index) => index % 3 === 0).concat(sample.slice(-10))) {
      const { state, events } = await loadPromiseState(handle.db, id);
      expect(derivePromiseState(events)).toEqual(state);
      const stored = await findPromiseSummary(handle.db, id);
      expect(stored).toEqual(summarisePromise(state));
      const account = await findAccount(handle.db, state.terms.accountId);
      if (account === undefined) throw new Error(`promise ${id} names no stored account`);
      const calendar = calendarFor(account.calendar, historySettings.companyCalendar);
      const measures = rows(
        file,
        `select promised_minutes promisedMinutes, fulfilled_minutes fulfilledMinutes,
                closed_minutes closedMinutes, lateness_minutes latenessMinutes
         from promises where id = '${id}'`,
      )[0];
      // Through JSON: SQLite stores -0 (on time to the minute) as 0, whoever writes it.
      expect(measures).toEqual(JSON.parse(JSON.stringify(measurePromise(state, calendar))));
    }
  });

  it('holds the trust evidence, contributions and resolutions the app rebuilds from the promises', async () => {
    const snapshot = (target: string) => ({
      contributions: rows(
        target,
        'select scope_type, scope_id, promise_id, closed_at, outcome_kind, evidence from trust_contributions order by 1, 2, 3',
      ),
      resolutions: rows(target, 'select * from promise_resolutions order by promise_id'),
      evidence: rows(
        target,
        'select * from trust_evidence order by scope_type, scope_id',
      ) as Record<string, number | string>[],
    });
    const generated = snapshot(file);
    const dataDir = await copyHistoryToDataDir(file);
    const copy = join(dataDir, serverSqliteFileName);
    const rebuilt = openDatabase({ kind: 'sqlite', file: copy });
    try {
      const rebuildTrust = jobHandlers.rebuild_trust;
      if (rebuildTrust === undefined) throw new Error('the app has no rebuild_trust job');
      await rebuildTrust(
        {},
        { db: rebuilt.db, now: () => HISTORY_NOW, newId: () => crypto.randomUUID() },
      );
    } finally {
      await rebuilt.close();
    }
    const app = snapshot(copy);
    await rm(dataDir, { recursive: true, force: true });
    expect(generated.contributions.length).toBeGreaterThan(small.promises * 3);
    expect(generated.contributions).toEqual(app.contributions);
    expect(generated.resolutions).toEqual(app.resolutions);
    // The sums are added in another order (by promise id there, by making here): equal to rounding.
    expect(generated.evidence.map((row) => [row.scope_type, row.scope_id])).toEqual(
      app.evidence.map((row) => [row.scope_type, row.scope_id]),
    );
    generated.evidence.forEach((row, index) => {
      const other = app.evidence[index] ?? {};
      for (const [column, value] of Object.entries(row)) {
        if (typeof value === 'number') expect(value).toBeCloseTo(Number(other[column]), 6);
      }
    });
  });

  it('gives trust scores the app computes between 0 and 100, and managers that differ', async () => {
    const leader = rows(file, `select id from users where email = '${benchLeader.email}'`)[0] as {
      id: string;
    };
    const caller = createCaller({
      db: handle.db,
      now: () => HISTORY_NOW,
      newId: () => crypto.randomUUID(),
      actorId: leader.id,
    });
    const company = await caller.trust.company();
    expect(company.score.score).toBeGreaterThan(0);
    expect(company.score.score).toBeLessThan(100);
    const managers = await caller.trust.ranking({ scope: 'manager', order: 'lowest', limit: 50 });
    expect(managers.length).toBeGreaterThan(1);
    for (const manager of managers) {
      expect(manager.score).toBeGreaterThanOrEqual(0);
      expect(manager.score).toBeLessThanOrEqual(100);
    }
    const scores = managers.map((manager) => manager.score);
    expect(Math.max(...scores) - Math.min(...scores)).toBeGreaterThan(2);
  });

  it('lets everyone log in with the bench password (hashed by the app)', async () => {
    expect(await verifyPassword(HISTORY_PASSWORD_HASH, HISTORY_PASSWORD)).toBe(true);
    const hashes = rows(file, 'select distinct password_hash from users') as {
      password_hash: string;
    }[];
    expect(hashes).toEqual([{ password_hash: HISTORY_PASSWORD_HASH }]);
  });
});
