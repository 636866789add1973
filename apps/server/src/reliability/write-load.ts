import { hashPassword } from '@steadfast/api';
import { type Database, insertUser, setUserPasswordHash } from '@steadfast/db';
import type { Kysely } from 'kysely';
import { loginCookie } from '../__tests__/login.ts';

// Concurrent write load over real HTTP for the reliability tests: writers that create promises,
// record events on them (with the version they last saw) and post charter observations, and a
// ledger of every write the server acknowledged, to check the store against after a crash or a
// restore.

/** A small seeded generator (mulberry32): the same seed, the same kill moments and write mix. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The seed of this run: RELIABILITY_SEED when given, else a fresh one (printed, to replay). */
export function reliabilitySeed(): number {
  const given = process.env.RELIABILITY_SEED;
  return given === undefined || given === ''
    ? Math.floor(Math.random() * 2 ** 31)
    : Number.parseInt(given, 10);
}

/** Rounds to run: RELIABILITY_ROUNDS, else the short CI version's count. */
export function reliabilityRounds(short: number): number {
  const given = Number.parseInt(process.env.RELIABILITY_ROUNDS ?? '', 10);
  return Number.isInteger(given) && given > 0 ? given : short;
}

/** What became of one HTTP call: acknowledged, answered with an error, or never answered. */
export type CallOutcome =
  | { kind: 'ok'; data: unknown }
  | { kind: 'refused'; status: number; body: string }
  | { kind: 'lost'; error: unknown };

/** One tRPC mutation or query over plain HTTP, as any client sends it. */
export async function trpcCall(
  url: string,
  cookie: string,
  path: string,
  input: unknown,
  method: 'mutation' | 'query' = 'mutation',
): Promise<CallOutcome> {
  let response: Response;
  let text: string;
  try {
    response =
      method === 'mutation'
        ? await fetch(`${url}/trpc/${path}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', cookie },
            body: JSON.stringify(input),
          })
        : await fetch(`${url}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, {
            headers: { cookie },
          });
    text = await response.text();
  } catch (error) {
    return { kind: 'lost', error };
  }
  if (response.status !== 200) return { kind: 'refused', status: response.status, body: text };
  return { kind: 'ok', data: (JSON.parse(text) as { result: { data: unknown } }).result.data };
}

async function mustSucceed<T>(outcome: Promise<CallOutcome>, what: string): Promise<T> {
  const result = await outcome;
  if (result.kind !== 'ok') throw new Error(`${what} failed: ${JSON.stringify(result)}`);
  return result.data as T;
}

const managerEmail = 'ada@reliability.example';
const managerPassword = 'a passphrase that survives crashes';

/** The account manager every writer acts as, put straight into a migrated, empty store. */
export async function addManager(db: Kysely<Database>): Promise<string> {
  const id = '00000000-0000-7000-8000-0000000000a1';
  await insertUser(db, {
    id,
    name: 'Ada Reliable',
    email: managerEmail,
    role: 'account_manager',
    createdAt: '2026-01-05T09:00:00.000Z',
  });
  await setUserPasswordHash(db, id, await hashPassword(managerPassword));
  return id;
}

export function logInManager(url: string): Promise<string> {
  return loginCookie(url, managerEmail, managerPassword);
}

export interface Workspace {
  ownerId: string;
  cookie: string;
  /** Accounts the writers spread their promises over, each with a charter term to observe. */
  accounts: { accountId: string; termId: string }[];
}

/** Accounts with a one-term charter each, made over tRPC as the manager would. */
export async function prepareWorkspace(
  url: string,
  ownerId: string,
  accountCount: number,
): Promise<Workspace> {
  const cookie = await logInManager(url);
  const accounts: Workspace['accounts'] = [];
  for (let n = 0; n < accountCount; n += 1) {
    const account = await mustSucceed<{ id: string }>(
      trpcCall(url, cookie, 'account.create', {
        name: `Reliable client ${n}`,
        ownerId,
        stage: 'active',
      }),
      'account.create',
    );
    const charter = await mustSucceed<{ current: { terms: { id: string }[] } }>(
      trpcCall(url, cookie, 'charter.save', {
        accountId: account.id,
        expectedVersion: 0,
        terms: [
          {
            metric: 'first_response_time',
            description: 'We reply to every ticket within 4 business hours',
            target: { amount: 4, unit: 'business_hours' },
            threshold: 0.95,
          },
        ],
      }),
      'charter.save',
    );
    const termId = charter.current.terms[0]?.id;
    if (termId === undefined) throw new Error('the charter was saved without its term');
    accounts.push({ accountId: account.id, termId });
  }
  return { ownerId, cookie, accounts };
}

/** A promise some writer made and the server acknowledged. */
export interface AcknowledgedPromise {
  writer: number;
  /** The highest version the server acknowledged (made: 1, then one per event). */
  ackedVersion: number;
  /** The version the next event names; re-read from the store after a crash. */
  currentVersion: number;
}

export interface LoadFigures {
  sent: number;
  acknowledged: number;
  /** Sent, never answered: the server died with them in flight. */
  lost: number;
  /** Answered 409: a write that committed unacknowledged before a crash moved the version on. */
  conflicts: number;
  /** Any other non-success answer: never expected. */
  refused: string[];
}

/** Every acknowledged write, to be found again in the store. */
export class Ledger {
  readonly promises = new Map<string, AcknowledgedPromise>();
  /** Observation reference → the id the server gave it. */
  readonly observations = new Map<string, string>();
  /** Acknowledged events: `${promiseId}#${sequence}` → `made`, or the progress milestone. */
  readonly events = new Map<string, string>();
  /** Each writer's own promises: one writer at a time changes a promise. */
  readonly promisesOf = new Map<number, string[]>();
  private nextReference = 0;

  addPromise(id: string, promise: AcknowledgedPromise): void {
    this.promises.set(id, promise);
    const own = this.promisesOf.get(promise.writer) ?? [];
    own.push(id);
    this.promisesOf.set(promise.writer, own);
  }

  /** The acknowledged writes as they stand now (later writes do not change it). */
  snapshot(): Ledger {
    const copy = new Ledger();
    for (const [id, promise] of this.promises) copy.promises.set(id, { ...promise });
    for (const [reference, id] of this.observations) copy.observations.set(reference, id);
    for (const [key, milestone] of this.events) copy.events.set(key, milestone);
    return copy;
  }

  newReference(tag: string): string {
    this.nextReference += 1;
    return `${tag}-${this.nextReference}`;
  }

  /** Acknowledged writes: promises made, events recorded, observations posted. */
  acknowledgedCount(): number {
    return this.events.size + this.observations.size;
  }
}

const farDue = () => new Date(Date.now() + 60 * 86_400_000).toISOString();

/**
 * Runs `writers` concurrent writers against `url` until `stop()` says so, `maxMs` has passed, or
 * the server stops answering (each writer ends at its first lost request). Every success goes
 * into the ledger before the writer sends its next request.
 */
export async function runWriters(options: {
  url: string;
  workspace: Workspace;
  ledger: Ledger;
  random: () => number;
  writers: number;
  maxMs: number;
  stop?: () => boolean;
  /** Tags observation references (e.g. the round) so every run's are unique. */
  tag: string;
  /** Called with each acknowledgement's moment, for "acknowledged before the backup began". */
  onAcknowledged?: (at: number) => void;
}): Promise<LoadFigures> {
  const { url, workspace, ledger, random } = options;
  const figures: LoadFigures = { sent: 0, acknowledged: 0, lost: 0, conflicts: 0, refused: [] };
  const deadline = Date.now() + options.maxMs;
  const pick = <T>(items: readonly T[]): T => {
    const item = items[Math.floor(random() * items.length)];
    if (item === undefined) throw new Error('picked from an empty list');
    return item;
  };
  const acknowledge = () => {
    figures.acknowledged += 1;
    options.onAcknowledged?.(Date.now());
  };

  async function writer(index: number): Promise<void> {
    while (Date.now() < deadline && options.stop?.() !== true) {
      const own = ledger.promisesOf.get(index) ?? [];
      const roll = random();
      const account = pick(workspace.accounts);
      figures.sent += 1;
      if (own.length === 0 || roll < 0.3) {
        const outcome = await trpcCall(url, workspace.cookie, 'promise.create', {
          accountId: account.accountId,
          ownerId: workspace.ownerId,
          kind: 'delivery',
          title: `Order ${options.tag}/${index}/${figures.sent}`,
          due: { kind: 'point', at: farDue() },
        });
        if (outcome.kind === 'lost') {
          figures.lost += 1;
          return;
        }
        if (outcome.kind === 'refused') {
          figures.refused.push(`promise.create ${outcome.status} ${outcome.body}`);
          continue;
        }
        const made = outcome.data as { id: string; version: number };
        ledger.addPromise(made.id, {
          writer: index,
          ackedVersion: made.version,
          currentVersion: made.version,
        });
        ledger.events.set(`${made.id}#${made.version}`, 'made');
        acknowledge();
      } else if (roll < 0.75) {
        const promiseId = pick(own);
        const promise = ledger.promises.get(promiseId);
        if (promise === undefined) throw new Error(`no ledger entry for ${promiseId}`);
        const milestone = `Milestone ${options.tag}/${promise.currentVersion + 1}`;
        const outcome = await trpcCall(url, workspace.cookie, 'promise.recordEvent', {
          promiseId,
          expectedVersion: promise.currentVersion,
          event: { type: 'progress', milestone },
        });
        if (outcome.kind === 'lost') {
          figures.lost += 1;
          return;
        }
        if (outcome.kind === 'refused') {
          if (outcome.status !== 409) {
            figures.refused.push(`promise.recordEvent ${outcome.status} ${outcome.body}`);
            continue;
          }
          figures.conflicts += 1;
          const now = await trpcCall(
            url,
            workspace.cookie,
            'promise.get',
            { id: promiseId },
            'query',
          );
          if (now.kind === 'lost') return;
          if (now.kind === 'ok')
            promise.currentVersion = (now.data as { promise: { version: number } }).promise.version;
          continue;
        }
        const state = outcome.data as { version: number };
        promise.ackedVersion = Math.max(promise.ackedVersion, state.version);
        promise.currentVersion = state.version;
        ledger.events.set(`${promiseId}#${state.version}`, milestone);
        acknowledge();
      } else {
        const reference = ledger.newReference(`${options.tag}-w${index}`);
        const outcome = await trpcCall(url, workspace.cookie, 'charter.observe', {
          accountId: account.accountId,
          termId: account.termId,
          reference,
          businessMinutes: Math.round(random() * 600),
        });
        if (outcome.kind === 'lost') {
          figures.lost += 1;
          return;
        }
        if (outcome.kind === 'refused') {
          figures.refused.push(`charter.observe ${outcome.status} ${outcome.body}`);
          continue;
        }
        const stored = outcome.data as { observation: { id: string }; duplicate: boolean };
        ledger.observations.set(reference, stored.observation.id);
        acknowledge();
      }
    }
  }

  await Promise.all(Array.from({ length: options.writers }, (_, index) => writer(index)));
  return figures;
}

export interface StoreCheck {
  promisesInStore: number;
  eventsInStore: number;
  observationsInStore: number;
  /** Acknowledged writes found (each promise's made event and each acknowledged later event count). */
  acknowledgedFound: number;
  /** Acknowledged writes the store does not hold: must stay empty. */
  missing: string[];
  /** Promises whose projection disagrees with their events: must stay empty. */
  projectionMismatches: string[];
  /** The store's version of every promise, to resume writing from. */
  versions: Map<string, number>;
}

/**
 * Looks for every acknowledged write in the store, and checks each promise's projection against
 * its events: its version is its number of events and its last sequence, and its events run
 * 1, 2, … with no gap, and no event belongs to a promise without a projection.
 */
export async function checkStore(db: Kysely<Database>, ledger: Ledger): Promise<StoreCheck> {
  const promises = await db.selectFrom('promises').select(['id', 'version', 'status']).execute();
  const eventRows = await db
    .selectFrom('promise_events')
    .select(['promise_id', 'sequence', 'type', 'facts'])
    .execute();
  const observations = await db
    .selectFrom('charter_observations')
    .select(['id', 'reference'])
    .execute();

  const eventsOf = new Map<string, { sequence: number; type: string; facts: string }[]>();
  for (const row of eventRows) {
    const list = eventsOf.get(row.promise_id) ?? [];
    list.push({ sequence: Number(row.sequence), type: row.type, facts: row.facts });
    eventsOf.set(row.promise_id, list);
  }
  const versions = new Map<string, number>();
  const projectionMismatches: string[] = [];
  for (const promise of promises) {
    const version = Number(promise.version);
    versions.set(promise.id, version);
    const events = (eventsOf.get(promise.id) ?? []).sort((a, b) => a.sequence - b.sequence);
    const sequences = events.map((event) => event.sequence);
    const contiguous = sequences.every((sequence, index) => sequence === index + 1);
    if (events.length !== version || !contiguous || events[0]?.type !== 'made') {
      projectionMismatches.push(
        `promise ${promise.id}: version ${version}, events ${sequences.join(',')}`,
      );
    }
  }
  for (const promiseId of eventsOf.keys()) {
    if (!versions.has(promiseId)) projectionMismatches.push(`events without promise ${promiseId}`);
  }

  const missing: string[] = [];
  for (const [id, acked] of ledger.promises) {
    const version = versions.get(id);
    if (version === undefined) missing.push(`promise ${id}`);
    else if (version < acked.ackedVersion)
      missing.push(`promise ${id} at version ${version}, acknowledged at ${acked.ackedVersion}`);
  }
  let acknowledgedFound = 0;
  for (const [key, milestone] of ledger.events) {
    const [id = '', sequence] = key.split('#');
    const event = eventsOf.get(id)?.find((candidate) => candidate.sequence === Number(sequence));
    if (event === undefined) missing.push(`promise ${id} event ${sequence}`);
    else if (sequence === '1' ? event.type !== 'made' : !event.facts.includes(milestone))
      missing.push(`promise ${id} event ${sequence} (${milestone}), found ${event.facts}`);
    else acknowledgedFound += 1;
  }
  const storedReferences = new Map(observations.map((row) => [row.reference, row.id]));
  for (const [reference, id] of ledger.observations) {
    if (storedReferences.get(reference) === id) acknowledgedFound += 1;
    else missing.push(`observation ${reference}`);
  }
  return {
    promisesInStore: promises.length,
    eventsInStore: eventRows.length,
    observationsInStore: observations.length,
    acknowledgedFound,
    missing,
    projectionMismatches,
    versions,
  };
}

/**
 * Grows the store by `batches` × 500 observations with long notes (about 0.5 MB a batch), posted
 * in batches: a store of several MB, so a backup of it takes several steps.
 */
export async function fillWithObservations(
  url: string,
  workspace: Workspace,
  ledger: Ledger,
  batches: number,
): Promise<void> {
  const note = 'Measured by the helpdesk sync; '.repeat(29);
  for (let batch = 0; batch < batches; batch += 1) {
    const rows = Array.from({ length: 500 }, (_, index) => {
      const account = workspace.accounts[index % workspace.accounts.length];
      if (account === undefined) throw new Error('a workspace has accounts');
      return {
        accountId: account.accountId,
        termId: account.termId,
        reference: ledger.newReference(`fill${batch}`),
        businessMinutes: 30 + (index % 300),
        note,
      };
    });
    const stored = await mustSucceed<{ results: { index: number; id: string }[] }>(
      trpcCall(url, workspace.cookie, 'charter.observeBatch', { observations: rows }),
      'charter.observeBatch',
    );
    for (const result of stored.results) {
      const row = rows[result.index];
      if (row?.reference !== undefined) ledger.observations.set(row.reference, result.id);
    }
  }
}
