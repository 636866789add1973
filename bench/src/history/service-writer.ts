import {
  type Database,
  observationToRow,
  saveCharterReview,
  saveCharterVersion,
} from '@steadfast/db';
import {
  type AnalyticsSettings,
  type BusinessDuration,
  type Charter,
  type CharterObservationCommand,
  type CharterTermInput,
  calendarFor,
  measureObservations,
  type ObservedAccount,
  reviewCharter,
  reviseCharter,
} from '@steadfast/domain';
import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { HistoryScale } from '../figure.ts';
import { rowInserter } from './bulk.ts';
import { type AccountPlan, type Cast, DAY, HOUR } from './people.ts';
import { phaseProgress } from './progress.ts';
import type { Random } from './random.ts';
import { HISTORY_NOW_MS } from './reference.ts';

const iso = (ms: number) => new Date(ms).toISOString();
const hours = (amount: number): BusinessDuration => ({ amount, unit: 'business_hours' });
const days = (amount: number): BusinessDuration => ({ amount, unit: 'business_days' });

/** The terms a client typically agrees, with how long one instance usually takes (hours). */
const termCatalogue: readonly { term: CharterTermInput; typicalHours: number; weight: number }[] = [
  {
    term: {
      metric: 'first_response_time',
      description: 'We reply to every ticket within 4 business hours',
      target: hours(4),
      threshold: 0.95,
      clientExpectation: { statement: 'An answer the same morning', target: hours(3) },
      negotiation: {
        clientAsked: 'Within 2 hours',
        agreed: 'Within 4 business hours',
        reason: 'Our support desk is staffed 9–17 only',
      },
    },
    typicalHours: 2.5,
    weight: 5,
  },
  {
    term: {
      metric: 'resolution_time',
      description: 'We resolve issues within 3 business days',
      target: days(3),
      threshold: 0.9,
      clientExpectation: { statement: 'Problems fixed within the week' },
    },
    typicalHours: 30,
    weight: 3,
  },
  {
    term: {
      metric: 'delivery_lead_time',
      description: 'Orders delivered within 10 business days',
      target: days(10),
      threshold: 0.9,
    },
    typicalHours: 150,
    weight: 2,
  },
  {
    term: {
      metric: 'update_cadence',
      description: 'A status update at least every 2 business days on open issues',
      target: days(2),
      threshold: 0.8,
    },
    typicalHours: 20,
    weight: 1,
  },
  {
    term: {
      metric: 'custom',
      name: 'defects per release',
      description: 'At most 2 defects per release',
      quantityTarget: { atMost: 2, unit: 'defects per release' },
      threshold: 0.8,
    },
    typicalHours: 0,
    weight: 1,
  },
];

interface VersionInForce {
  fromMs: number;
  charter: Charter;
  observed: Map<string, ObservedAccount>;
}

/**
 * Charters for most clients (agreed some weeks after they came on board), reviewed on their
 * cadence — most reviews on time, some tightening a target, some clients never reviewed again
 * (overdue reviews) — written through the domain and the db package's charter queries; then the
 * observations an integration posted against them (measured by the domain's `measureObservations`
 * against the version in force), written in bulk. Observations are spread over the accounts'
 * charter terms in proportion to the account's size, to reach the requested total.
 */
export async function writeService(options: {
  db: Kysely<Database>;
  sqlite: BetterSqlite3.Database;
  cast: Cast;
  scale: HistoryScale;
  random: Random;
  newId: (atMs: number) => string;
  settings: AnalyticsSettings;
  log(message: string): void;
}): Promise<{ charters: number; charterVersions: number; observations: number }> {
  const { db, cast, random, newId, settings } = options;
  const histories: { account: AccountPlan; versions: VersionInForce[]; weight: number }[] = [];
  let versions = 0;
  const chartersProgress = phaseProgress({
    name: 'charters',
    total: cast.accounts.length,
    unit: 'accounts',
    log: options.log,
  });
  for (const [index, account] of cast.accounts.entries()) {
    if (index % 200 === 0) chartersProgress.tick(index);
    if (account.stage === 'prospect') continue;
    const likely = account.tier === 'strategic' || account.tier === 'key' ? 0.95 : 0.7;
    if (!random.chance(likely)) continue;
    const agreedMs = account.createdAtMs + random.int(10, 90) * DAY + random.int(8, 16) * HOUR;
    if (agreedMs > HISTORY_NOW_MS - 7 * DAY) continue;
    const owner = cast.people[account.ownerIndex]?.id ?? null;
    const calendar = calendarFor(account.calendar, settings.companyCalendar);
    const termCount = random.int(2, 4);
    const chosen = new Set<number>();
    while (chosen.size < termCount) chosen.add(random.int(0, termCatalogue.length - 1));
    const terms = [...chosen].sort().map((i) => termCatalogue[i]?.term) as CharterTermInput[];
    const stamp = (ms: number) => ({
      now: iso(ms),
      actorId: owner,
      newTermId: () => newId(ms),
      timeZone: account.timeZone,
    });
    const first = reviseCharter(
      null,
      {
        accountId: account.id,
        expectedVersion: 0,
        terms: terms.map((term) => parseTerm(term)),
        reviewEveryMonths: random.chance(0.6) ? 6 : 12,
        changeNote: 'First charter, agreed at the kick-off',
      },
      stamp(agreedMs),
    );
    await saveCharterVersion(db, { ...first, expectedVersion: 0 });
    versions++;
    let charter: Charter = { head: first.head, current: first.version };
    const inForce: VersionInForce[] = [
      { fromMs: agreedMs, charter, observed: new Map([[account.id, { charter, calendar }]]) },
    ];
    // Reviews on the cadence while the client is with us; a fifth of them lapse (overdue).
    const diligent = random.chance(0.8);
    for (let review = 0; review < 8; review++) {
      const dueMs = Date.parse(charter.head.nextReviewAt);
      const atMs = dueMs + random.int(-10, 25) * DAY;
      if (atMs > HISTORY_NOW_MS - DAY || atMs > account.activeUntilMs) break;
      if (!diligent && random.chance(0.5)) break;
      const tighten = random.chance(0.3);
      const reviewed = reviewCharter(
        charter,
        {
          accountId: account.id,
          expectedVersion: charter.head.currentVersion,
          reviewedAt: iso(atMs),
          notes: tighten ? 'The client wants faster first responses' : 'Still right for the client',
          revision: tighten
            ? {
                terms: charter.current.terms.map((term) => ({
                  ...term,
                  target:
                    term.metric === 'first_response_time' && term.target
                      ? hours(Math.max(1, term.target.amount - 1))
                      : term.target,
                })),
                reviewEveryMonths: charter.current.reviewEveryMonths,
                changeNote: 'Tightened at the review',
              }
            : null,
        },
        { ...stamp(atMs), reviewId: newId(atMs) },
      );
      await saveCharterReview(db, { ...reviewed, expectedVersion: charter.head.currentVersion });
      charter = { head: reviewed.head, current: reviewed.version ?? charter.current };
      if (reviewed.version !== null) {
        versions++;
        inForce.push({
          fromMs: atMs,
          charter,
          observed: new Map([[account.id, { charter, calendar }]]),
        });
      } else {
        const last = inForce[inForce.length - 1];
        // The head moved (its review dates), the version did not: measured the same.
        if (last) last.charter = charter;
      }
    }
    histories.push({ account, versions: inForce, weight: account.weight * terms.length });
  }
  chartersProgress.tick(cast.accounts.length);
  chartersProgress.stop();

  const observations = writeObservations({ ...options, histories });
  return { charters: histories.length, charterVersions: versions, observations };
}

function parseTerm(term: CharterTermInput) {
  return {
    id: undefined,
    name: null,
    description: null,
    target: null,
    quantityTarget: null,
    calendar: null,
    clientExpectation: null,
    negotiation: null,
    ...term,
    ...(term.clientExpectation
      ? {
          clientExpectation: {
            target: null,
            quantityTarget: null,
            ...term.clientExpectation,
          },
        }
      : {}),
  } as Parameters<typeof reviseCharter>[1]['terms'][number];
}

function writeObservations(options: {
  sqlite: BetterSqlite3.Database;
  scale: HistoryScale;
  random: Random;
  newId: (atMs: number) => string;
  histories: { account: AccountPlan; versions: VersionInForce[]; weight: number }[];
  log(message: string): void;
}): number {
  const { sqlite, random, newId, histories } = options;
  const total = options.scale.observations;
  const weightSum = histories.reduce((sum, h) => sum + h.weight, 0);
  let insert: ((row: ReturnType<typeof observationToRow>) => void) | undefined;
  const progress = phaseProgress({
    name: 'observations',
    total,
    unit: 'observations',
    log: options.log,
  });
  let written = 0;
  let owed = 0;
  sqlite.exec('begin');
  for (const history of histories) {
    owed += (total * history.weight) / (weightSum || 1);
    const count = Math.floor(owed);
    owed -= count;
    const startMs = history.versions[0]?.fromMs ?? HISTORY_NOW_MS;
    const spanMs = HISTORY_NOW_MS - startMs;
    // Posted in time order, as the integration would.
    const moments: number[] = [];
    for (let i = 0; i < count; i++) moments.push(startMs + random.next() * spanMs);
    moments.sort((a, b) => a - b);
    let versionIndex = 0;
    for (const endedRaw of moments) {
      while ((history.versions[versionIndex + 1]?.fromMs ?? Number.POSITIVE_INFINITY) <= endedRaw) {
        versionIndex++;
      }
      const version = history.versions[versionIndex];
      if (version === undefined) continue;
      const terms = version.charter.current.terms;
      const term = terms[Math.floor(random.next() * terms.length)];
      if (term === undefined) continue;
      const endedMs = Math.min(HISTORY_NOW_MS - 60_000, Math.round(endedRaw / 60_000) * 60_000);
      const typical =
        termCatalogue.find((entry) => entry.term.metric === term.metric)?.typicalHours ?? 4;
      const reference = `T-${newId(endedMs).slice(-12)}`;
      const row: CharterObservationCommand =
        term.target === null
          ? {
              accountId: history.account.id,
              termId: term.id,
              reference,
              occurredAt: iso(endedMs),
              quantity: Math.max(0, Math.round(1 + random.normal() * 1.5)),
              note: null,
            }
          : {
              accountId: history.account.id,
              termId: term.id,
              reference,
              // Durations spread around the typical, a long tail of slow ones.
              startedAt: iso(
                endedMs -
                  Math.max(5 * 60_000, typical * HOUR * Math.exp(random.normal() * 0.7)) * 1.6,
              ),
              endedAt: iso(endedMs),
              note: null,
            };
      const recordedMs = Math.min(HISTORY_NOW_MS, endedMs + random.int(1, 30) * 60_000);
      const measured = measureObservations([row], {
        accounts: version.observed,
        now: iso(recordedMs),
        actorId: null,
        newId: () => newId(recordedMs),
      });
      const [observation] = measured.observations;
      if (observation === undefined) {
        throw new Error(`a generated observation was refused: ${JSON.stringify(measured.issues)}`);
      }
      const stored = observationToRow(observation);
      insert ??= rowInserter(
        sqlite,
        'charter_observations',
        Object.keys(stored) as (keyof typeof stored & string)[],
      );
      insert(stored);
      written++;
      if (written % 20_000 === 0) {
        sqlite.exec('commit');
        sqlite.exec('begin');
        progress.tick(written);
      }
    }
  }
  sqlite.exec('commit');
  progress.tick(written);
  progress.stop();
  return written;
}
