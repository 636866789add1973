import { analysedChange, analyticsSettingsKey, hashPassword } from '@steadfast/api';
import {
  appendPromiseEvent,
  countPromises,
  type DatabaseHandle,
  type Db,
  insertAccount,
  insertContact,
  insertMadePromise,
  insertTeam,
  insertUser,
  readSetting,
  setUserPasswordHash,
  writeSetting,
} from '@steadfast/db';
import {
  analyticsSettingsSchema,
  type BusinessCalendar,
  businessCalendarSchema,
  createAccountInputSchema,
  createContactInputSchema,
  type Instant,
  makePromise,
  makePromiseInputSchema,
  promiseEventInputSchema,
  recordPromiseEvent,
  standardBusinessCalendar,
} from '@steadfast/domain';
import { dueInput } from './demo-due.ts';
import { demoHolidays } from './demo-holidays.ts';
import { planDemo } from './demo-plan.ts';
import type { PromisePlan } from './demo-promise-plan.ts';
import { loadServiceDemo, type ServiceDemoCounts } from './demo-service.ts';
import { iso } from './demo-time.ts';
import { createRandom } from './random.ts';

/** The password of every demo person, given in the README. */
export const demoPassword = 'steadfast-demo';

/** The seed the server uses, so every fresh install shows the same demo. */
export const defaultDemoSeed = 20_261_124;

export interface DemoDataCounts extends ServiceDemoCounts {
  users: number;
  accounts: number;
  promises: number;
  events: number;
}

interface Ids {
  users: string[];
  accounts: { id: string; ownerId: string; contacts: string[]; calendar: BusinessCalendar }[];
}

/** The demo company works Mon–Fri 09–17 in Berlin, with the German public holidays it observes. */
export const demoCompanyCalendar: BusinessCalendar = businessCalendarSchema.parse({
  ...standardBusinessCalendar('Europe/Berlin'),
  holidays: demoHolidays,
});

const demoSettings = analyticsSettingsSchema.parse({ companyCalendar: demoCompanyCalendar });

/**
 * Fills an empty store with a believable history: a team of four account managers and a leader,
 * about thirty clients, and some four hundred promises over the last 18 months, each made and
 * moved through the domain exactly as the API would, in one all-or-nothing transaction.
 */
export async function loadDemoData(
  db: DatabaseHandle['db'],
  options: { now: Instant; newId: () => string; seed?: number },
): Promise<DemoDataCounts> {
  const now = Date.parse(options.now);
  if (Number.isNaN(now))
    throw new Error(`loadDemoData: now must be an ISO instant, not ${options.now}`);
  const demo = planDemo(createRandom(options.seed ?? defaultDemoSeed), now);

  return db.transaction().execute(async (trx) => {
    const ids: Ids = { users: [], accounts: [] };
    const stored = await readSetting(trx, analyticsSettingsKey);
    if (stored.version === 0) {
      const value = { companyCalendar: demoCompanyCalendar };
      await writeSetting(trx, {
        key: analyticsSettingsKey,
        value,
        expectedVersion: 0,
        now: options.now,
      });
    }
    // Two teams; account managers alternate between them, the leader is in neither.
    const teams = [
      { id: options.newId(), name: 'Team Atlas', createdAt: options.now },
      { id: options.newId(), name: 'Team Meridian', createdAt: options.now },
    ];
    for (const team of teams) await insertTeam(trx, team);
    let managers = 0;
    for (const member of demo.team) {
      const id = options.newId();
      ids.users.push(id);
      const { name, email, role } = member;
      const teamId =
        role === 'account_manager' ? (teams[managers++ % teams.length]?.id ?? null) : null;
      await insertUser(trx, { id, name, email, role, teamId, createdAt: iso(member.createdAt) });
    }
    // Someone to manage users, teams, tokens and settings.
    const adminId = options.newId();
    ids.users.push(adminId);
    await insertUser(trx, {
      id: adminId,
      name: 'Sam Carter',
      email: 'sam.carter@steadfast.demo',
      role: 'admin',
      createdAt: options.now,
    });
    // Every demo person logs in with the demo password (README); hashed once, argon2id is slow.
    const demoPasswordHash = await hashPassword(demoPassword);
    for (const userId of ids.users) await setUserPasswordHash(trx, userId, demoPasswordHash);
    for (const account of demo.accounts) {
      const id = options.newId();
      const ownerId = ids.users[account.ownerIndex];
      if (ownerId === undefined) throw new Error(`Demo account ${account.name} has no owner.`);
      const input = createAccountInputSchema.parse({ ...account, ownerId });
      const createdAt = iso(account.createdAt);
      // Clients in another time zone are measured in their own business hours.
      const own =
        input.timeZone === demoCompanyCalendar.timeZone
          ? null
          : standardBusinessCalendar(input.timeZone);
      await insertAccount(trx, { ...input, calendar: own, id, createdAt, version: 1 });
      const contacts: string[] = [];
      for (const contact of account.contacts) {
        const contactId = options.newId();
        contacts.push(contactId);
        const fields = createContactInputSchema.parse({ ...contact, accountId: id });
        await insertContact(trx, { ...fields, id: contactId, createdAt });
      }
      ids.accounts.push({ id, ownerId, contacts, calendar: own ?? demoCompanyCalendar });
    }
    for (const promise of demo.promises) {
      await storePromise(trx, { promise, ids, newId: options.newId });
    }
    const service = await loadServiceDemo(trx, {
      accounts: ids.accounts.map((account, index) => ({
        ...account,
        stage: demo.accounts[index]?.stage ?? 'active',
      })),
      now: options.now,
      newId: options.newId,
      random: createRandom((options.seed ?? defaultDemoSeed) + 1),
      adminId,
    });
    // Answered requests made promises of their own: count what the store now holds.
    const eventCount = await trx
      .selectFrom('promise_events')
      .select((eb) => eb.fn.countAll<number | string>().as('events'))
      .executeTakeFirstOrThrow();
    return {
      users: ids.users.length,
      accounts: demo.accounts.length,
      promises: await countPromises(trx),
      events: Number(eventCount.events),
      ...service,
    };
  });
}

/** Makes the promise and records its history through the domain; returns the events stored. */
async function storePromise(
  trx: Db,
  { promise, ids, newId }: { promise: PromisePlan; ids: Ids; newId: () => string },
): Promise<number> {
  const account = ids.accounts[promise.accountIndex];
  if (account === undefined)
    throw new Error('A demo promise names an account that was not stored.');
  const madeAt = iso(promise.madeAt);
  const command = makePromiseInputSchema.parse({
    accountId: account.id,
    contactId:
      promise.contactIndex === null ? null : (account.contacts[promise.contactIndex] ?? null),
    ownerId: account.ownerId,
    kind: promise.kind,
    title: promise.title,
    details: promise.details,
    due: dueInput(promise.due),
    importance: promise.importance,
    condition: promise.condition,
    source: promise.source,
    madeAt,
  });
  const made = makePromise(command, {
    promiseId: newId(),
    eventId: newId(),
    now: madeAt,
    actorId: command.ownerId,
  });
  const analysis = { calendar: account.calendar, settings: demoSettings };
  await insertMadePromise(trx, analysedChange(null, made, analysis));
  let state = made.state;
  for (const planned of promise.events) {
    // Back-filled history: the domain's clock is the moment each event happened.
    const occurredAt = iso(planned.at);
    const recorded = recordPromiseEvent(
      state,
      {
        expectedVersion: state.version,
        occurredAt,
        event: promiseEventInputSchema.parse(planned.change),
      },
      { eventId: newId(), now: occurredAt, actorId: command.ownerId },
    );
    await appendPromiseEvent(trx, analysedChange(state, recorded, analysis));
    state = recorded.state;
  }
  return 1 + promise.events.length;
}
