import { type AppRouter, hashPassword } from '@steadfast/api';
import {
  type Database,
  insertContact,
  insertUser,
  migrateToLatest,
  openDatabase,
  setUserPasswordHash,
} from '@steadfast/db';
import type { UserRole } from '@steadfast/domain';
import { createTRPCClient, httpBatchLink, type TRPCClient } from '@trpc/client';
import type { FastifyInstance } from 'fastify';
import ICAL from 'ical.js';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginCookie } from './__tests__/login.ts';
import { buildHttpServer } from './http-server.ts';

const password = 'a passphrase for the feed tests';
let nextId = 1;
const newId = () => `00000000-0000-7000-8000-${(nextId++).toString().padStart(12, '0')}`;

const responseTerm = {
  metric: 'first_response_time' as const,
  description: 'We reply to every ticket within 4 business hours',
  target: { amount: 4, unit: 'business_hours' as const },
  threshold: 0.95,
};

/** One VEVENT as a calendar app reads it back. */
interface ParsedEvent {
  uid: string;
  summary: string;
  description: string;
  sequence: number;
  start: string;
  end: string;
  allDay: boolean;
  status: string | null;
  lastModified: string | null;
}

/** Parses an iCal text with ical.js (an independent RFC 5545 parser), one entry per VEVENT. */
function parseFeed(text: string): ParsedEvent[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    const allDay = event.startDate.isDate;
    const lastModified = component.getFirstPropertyValue('last-modified');
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description,
      sequence: event.sequence,
      start: allDay ? event.startDate.toString() : event.startDate.toJSDate().toISOString(),
      end: allDay ? event.endDate.toString() : event.endDate.toJSDate().toISOString(),
      allDay,
      status: (component.getFirstPropertyValue('status') as string | null) ?? null,
      lastModified:
        lastModified instanceof ICAL.Time ? lastModified.toJSDate().toISOString() : null,
    };
  });
}

describe('GET /ical/<secret>.ics: a person’s calendar feed over real HTTP', () => {
  let server: FastifyInstance;
  let db: Kysely<Database>;
  let url: string;
  const clock = { now: '2026-11-24T10:00:00.000Z' };
  const people = {
    ada: { id: newId(), name: 'Ada Owner', email: 'ada@example.com' },
    otto: { id: newId(), name: 'Otto Other', email: 'otto@example.com' },
    lee: { id: newId(), name: 'Lee Leader', email: 'lee@example.com' },
  };
  const made = { quote: '', window: '', awaiting: '', kept: '', northwind: '', ottos: '' };
  let ada: TRPCClient<AppRouter>;

  async function clientFor(email: string): Promise<TRPCClient<AppRouter>> {
    const cookie = await loginCookie(url, email, password);
    // Batched: tRPC 11.22's server cannot read a non-batched mutation that has no input (its
    // empty body fails JSON parsing); a batch always carries a JSON body.
    return createTRPCClient<AppRouter>({
      links: [httpBatchLink({ url: `${url}/trpc`, headers: { cookie } })],
    });
  }

  async function fetchFeed(path: string): Promise<{ response: Response; body: string }> {
    const response = await fetch(`${url}${path}`);
    return { response, body: await response.text() };
  }

  beforeAll(async () => {
    const handle = openDatabase({ kind: 'sqlite', file: ':memory:' });
    db = handle.db;
    await migrateToLatest(db);
    const passwordHash = await hashPassword(password);
    const roles: Record<keyof typeof people, UserRole> = {
      ada: 'account_manager',
      otto: 'account_manager',
      lee: 'leader',
    };
    for (const [key, person] of Object.entries(people)) {
      const role = roles[key as keyof typeof people];
      await insertUser(db, { ...person, role, createdAt: clock.now });
      await setUserPasswordHash(db, person.id, passwordHash);
    }
    server = buildHttpServer({ db, now: () => clock.now, newId, logLevel: 'silent' });
    url = await server.listen({ port: 0, host: '127.0.0.1' });

    ada = await clientFor(people.ada.email);
    const northwind = await ada.account.create.mutate({
      name: 'Northwind',
      ownerId: people.ada.id,
      stage: 'active',
      timeZone: 'Europe/Berlin',
    });
    made.northwind = northwind.id;
    const contactId = newId();
    await insertContact(db, {
      id: contactId,
      accountId: northwind.id,
      name: 'Jane Roe',
      email: null,
      phone: null,
      role: null,
      createdAt: clock.now,
    });
    const quote = await ada.promise.create.mutate({
      accountId: northwind.id,
      contactId,
      ownerId: people.ada.id,
      kind: 'quote',
      importance: 'high',
      title: 'Send the revised quote',
      due: { kind: 'point', at: '2026-12-01T10:00:00Z' },
    });
    await ada.promise.recordEvent.mutate({
      promiseId: quote.id,
      expectedVersion: 1,
      event: { type: 'at_risk_flagged', reason: 'Pricing sign-off is late' },
    });
    made.quote = quote.id;
    const window = await ada.promise.create.mutate({
      accountId: northwind.id,
      ownerId: people.ada.id,
      kind: 'delivery',
      title: 'Deliver the pumps',
      due: { kind: 'window', earliest: '2026-12-07T08:00:00Z', latest: '2026-12-11T17:00:00Z' },
    });
    made.window = window.id;
    const awaiting = await ada.promise.create.mutate({
      accountId: northwind.id,
      ownerId: people.ada.id,
      kind: 'document',
      title: 'Write the install guide',
      condition: 'Customer sends the floor plan',
      due: { kind: 'point', at: '2026-12-20T15:00:00Z' },
    });
    made.awaiting = awaiting.id;
    const kept = await ada.promise.create.mutate({
      accountId: northwind.id,
      ownerId: people.ada.id,
      kind: 'callback',
      title: 'Call back about the invoice',
      due: { kind: 'point', at: '2026-11-25T09:00:00Z' },
    });
    await ada.promise.recordEvent.mutate({
      promiseId: kept.id,
      expectedVersion: 1,
      event: { type: 'fulfilled', completeness: 'full' },
    });
    made.kept = kept.id;
    await ada.charter.save.mutate({
      accountId: northwind.id,
      expectedVersion: 0,
      terms: [responseTerm],
      reviewEveryMonths: 6,
    });

    const otto = await clientFor(people.otto.email);
    const contoso = await otto.account.create.mutate({ name: 'Contoso', ownerId: people.otto.id });
    made.ottos = (
      await otto.promise.create.mutate({
        accountId: contoso.id,
        ownerId: people.otto.id,
        kind: 'quote',
        title: 'Otto’s quote',
        due: { kind: 'point', at: '2026-12-02T10:00:00Z' },
      })
    ).id;
    await otto.charter.save.mutate({
      accountId: contoso.id,
      expectedVersion: 0,
      terms: [responseTerm],
      reviewEveryMonths: 3,
    });
  });
  afterAll(async () => {
    await server.close();
    await db.destroy();
  });

  it('serves an account manager’s due promises and charter reviews, read back by an iCal parser', async () => {
    const feed = await ada.calendarFeed.create.mutate();
    const { response, body } = await fetchFeed(feed.path);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(response.headers.get('cache-control')).toContain('private');
    const events = parseFeed(body);
    const byUid = new Map(events.map((event) => [event.uid, event]));

    expect(events.map((event) => event.uid).sort()).toEqual(
      [
        `promise-${made.quote}@steadfast`,
        `promise-${made.window}@steadfast`,
        `promise-${made.awaiting}@steadfast`,
        `charter-review-${made.northwind}-20261124T100000Z@steadfast`,
      ].sort(),
    );
    expect(byUid.get(`promise-${made.quote}@steadfast`)).toMatchObject({
      summary: 'Due: Send the revised quote — Northwind',
      start: '2026-12-01T10:00:00.000Z',
      end: '2026-12-01T10:15:00.000Z',
      allDay: false,
      sequence: 2,
      status: 'CONFIRMED',
      lastModified: clock.now,
    });
    const quoteDescription = byUid.get(`promise-${made.quote}@steadfast`)?.description ?? '';
    expect(quoteDescription).toContain('Kind: quote');
    expect(quoteDescription).toContain('Importance: high');
    expect(quoteDescription).toContain('Contact: Jane Roe');
    expect(quoteDescription).toContain('Status: open, AT RISK');
    expect(byUid.get(`promise-${made.window}@steadfast`)).toMatchObject({
      summary: 'Due: Deliver the pumps — Northwind',
      start: '2026-12-07T08:00:00.000Z',
      end: '2026-12-11T17:00:00.000Z',
      sequence: 1,
    });
    expect(byUid.get(`promise-${made.awaiting}@steadfast`)).toMatchObject({
      start: '2026-12-20T15:00:00.000Z',
      status: 'TENTATIVE',
    });
    // Agreed on 24 November 2026 with a six-month cadence: reviewed on 24 May 2027, all day.
    expect(byUid.get(`charter-review-${made.northwind}-20261124T100000Z@steadfast`)).toMatchObject({
      summary: 'Charter review — Northwind',
      start: '2027-05-24',
      end: '2027-05-25',
      allDay: true,
      sequence: 1,
    });
  });

  it('never shows another manager’s promises or reviews, nor closed promises', async () => {
    const feed = await ada.calendarFeed.create.mutate();
    const { body } = await fetchFeed(feed.path);
    const summaries = parseFeed(body).map((event) => event.summary);

    expect(body).not.toContain(made.ottos);
    expect(body).not.toContain(made.kept);
    expect(summaries).not.toContain('Due: Otto’s quote — Contoso');
    expect(summaries).not.toContain('Charter review — Contoso');
    expect(summaries).not.toContain('Due: Call back about the invoice — Northwind');
  });

  it('keeps each event’s UID when the promise changes, with a higher SEQUENCE and the new due', async () => {
    const feed = await ada.calendarFeed.create.mutate();
    const before = parseFeed((await fetchFeed(feed.path)).body);
    clock.now = '2026-11-24T12:00:00.000Z';
    await ada.promise.recordEvent.mutate({
      promiseId: made.window,
      expectedVersion: 1,
      event: {
        type: 'renegotiated',
        newDue: {
          kind: 'window',
          earliest: '2026-12-14T08:00:00Z',
          latest: '2026-12-18T17:00:00Z',
        },
        reason: 'Supplier delay',
      },
    });
    const after = parseFeed((await fetchFeed(feed.path)).body);

    expect(after.map((event) => event.uid).sort()).toEqual(before.map((e) => e.uid).sort());
    const uid = `promise-${made.window}@steadfast`;
    expect(after.find((event) => event.uid === uid)).toMatchObject({
      start: '2026-12-14T08:00:00.000Z',
      end: '2026-12-18T17:00:00.000Z',
      sequence: 2,
      lastModified: '2026-11-24T12:00:00.000Z',
    });
  });

  it('gives a leader every account’s charter reviews and none of the managers’ promises', async () => {
    const lee = await clientFor(people.lee.email);
    const feed = await lee.calendarFeed.create.mutate();
    const { body } = await fetchFeed(feed.path);
    expect(
      parseFeed(body)
        .map((event) => event.summary)
        .sort(),
    ).toEqual(['Charter review — Contoso', 'Charter review — Northwind']);
  });

  it('answers 404 with no data for a replaced or revoked feed, and notes the last fetch', async () => {
    const first = await ada.calendarFeed.create.mutate();
    clock.now = '2026-11-24T13:00:00.000Z';
    expect((await fetchFeed(first.path)).response.status).toBe(200);
    expect(await ada.calendarFeed.status.query()).toMatchObject({
      exists: true,
      lastFetchedAt: '2026-11-24T13:00:00.000Z',
    });

    const second = await ada.calendarFeed.create.mutate();
    const replaced = await fetchFeed(first.path);
    expect(replaced.response.status).toBe(404);
    expect(replaced.body).toBe('Not found');
    expect((await fetchFeed(second.path)).response.status).toBe(200);

    await ada.calendarFeed.revoke.mutate();
    const revoked = await fetchFeed(second.path);
    expect(revoked.response.status).toBe(404);
    expect(revoked.body).toBe('Not found');
    expect(revoked.response.headers.get('content-type')).not.toContain('calendar');
    expect(await ada.calendarFeed.status.query()).toMatchObject({ exists: false });
  });

  it('answers a malformed or unknown secret with 404, never a server error', async () => {
    const unknown = `/ical/${'A'.repeat(43)}.ics`;
    for (const path of [
      unknown,
      '/ical/not-a-secret.ics',
      '/ical/.ics',
      `/ical/${'A'.repeat(43)}`,
      `/ical/${'A'.repeat(43)}.ical`,
      '/ical/..%2F..%2Fetc%2Fpasswd.ics',
      "/ical/' OR 1=1 --.ics",
    ]) {
      const { response, body } = await fetchFeed(path);
      expect(response.status, path).toBe(404);
      expect(body, path).not.toContain('BEGIN:VCALENDAR');
    }
    // Longer than any route parameter may be: refused by the router before it reaches the store
    // (414, or the web admin's 404 for a path no route takes).
    const tooLong = await fetchFeed(`/ical/${'A'.repeat(6000)}.ics`);
    expect([404, 414]).toContain(tooLong.response.status);
    expect(tooLong.body).not.toContain('BEGIN:VCALENDAR');
  });
});
