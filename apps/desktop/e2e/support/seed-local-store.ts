import { insertContact } from '@steadfast/db';
import type { LocalMode } from '../../src/main/local-mode.ts';
import type { BridgeResponse } from '../../src/shared/bridge.ts';

type Call = (
  type: 'query' | 'mutation',
  path: string,
  input: unknown,
) => Promise<Record<string, unknown>>;

/** Calls the API through the same IPC handler the page uses; an error fails the seeding, named. */
export function callerThrough(handle: (message: unknown) => Promise<BridgeResponse>): Call {
  let id = 1000;
  return async (type, path, input) => {
    id += 1;
    const response = await handle({ id, type, path, input });
    if ('error' in response) throw new Error(`${path}: ${response.error.message}`);
    return response.result.data as Record<string, unknown>;
  };
}

const day = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * 10:00 UTC on that day, or on the Monday after a weekend: inside the company's working hours, so
 * "N business days" later is exactly N working days whatever time the tests run.
 */
function weekdayAtTen(ms: number): string {
  const date = new Date(ms);
  date.setUTCHours(10, 0, 0, 0);
  const weekday = date.getUTCDay();
  if (weekday === 6) date.setUTCDate(date.getUTCDate() + 2);
  if (weekday === 0) date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString();
}

/** The calendar date two years before `days` from now. */
function twoYearsAgoIn(now: number, days: number): string {
  const date = new Date(now + days * day);
  date.setUTCFullYear(date.getUTCFullYear() - 2);
  return date.toISOString().slice(0, 10);
}

/** How long each past delivery for Northwind took, in business days: 80% within 7. */
export const northwindDeliveryDays = [4, 5, 5, 6, 6, 6, 7, 7, 7, 7, 7, 8, 5, 6, 9];

export interface SeededStore {
  northwindId: string;
  contosoId: string;
  dueTodayId: string;
  atRiskId: string;
  overdueId: string;
  lateDocumentId: string;
  rushRequestId: string;
  discountRequestId: string;
}

/**
 * A local store with a realistic record, made through the API: two accounts, fifteen kept
 * deliveries for Northwind (so calibration has history for the account), a callback due later
 * today, a fix flagged at risk, a delivery two days overdue that the carrier lost (flagged), and
 * a contract a day late that nobody flagged; Northwind's service charter, two open customer
 * requests, and the touchpoints the rules suggest from that record.
 */
export async function seedLocalStore(local: LocalMode, call: Call): Promise<SeededStore> {
  const now = Date.now();
  const ownerId = local.user.id;
  const northwind = await call('mutation', 'account.create', {
    name: 'Northwind Traders',
    ownerId,
    stage: 'active',
    tier: 'key',
    // A customer for two years this week: the anniversary rule has something to suggest.
    customerSince: twoYearsAgoIn(now, 3),
  });
  const contoso = await call('mutation', 'account.create', {
    name: 'Contoso',
    ownerId,
    stage: 'active',
  });
  const northwindId = String(northwind.id);
  const contosoId = String(contoso.id);
  const contactId = '01935f3a-0000-7000-8000-00000000c0de';
  await insertContact(local.db, {
    id: contactId,
    accountId: northwindId,
    name: 'Pat Jones',
    email: 'pat@northwind.example',
    phone: null,
    role: 'Purchasing',
    createdAt: iso(now - 400 * day),
  });

  for (const [index, businessDays] of northwindDeliveryDays.entries()) {
    const madeAt = weekdayAtTen(now - (70 - index * 3) * day);
    const promise = await call('mutation', 'promise.create', {
      accountId: northwindId,
      ownerId,
      kind: 'delivery',
      title: `Deliver order #${4100 + index}`,
      due: { kind: 'point', at: iso(Date.parse(madeAt) + 14 * day) },
      madeAt,
    });
    const kept = await call('query', 'calendar.addDuration', {
      accountId: northwindId,
      start: madeAt,
      duration: { amount: businessDays, unit: 'business_days' },
    });
    await call('mutation', 'promise.recordEvent', {
      promiseId: promise.id,
      expectedVersion: 1,
      occurredAt: kept.end,
      event: { type: 'fulfilled', completeness: 'full' },
    });
  }

  const endOfToday = new Date(now);
  endOfToday.setUTCHours(23, 59, 0, 0);
  const dueToday = await call('mutation', 'promise.create', {
    accountId: northwindId,
    contactId,
    ownerId,
    kind: 'callback',
    title: 'Call Pat back about the invoice',
    due: { kind: 'point', at: iso(now + (endOfToday.getTime() - now) / 2) },
  });

  const atRisk = await call('mutation', 'promise.create', {
    accountId: contosoId,
    ownerId,
    kind: 'fix',
    title: 'Install the new firmware',
    importance: 'high',
    due: { kind: 'point', at: iso(now + 2 * day) },
  });
  await call('mutation', 'promise.recordEvent', {
    promiseId: atRisk.id,
    expectedVersion: 1,
    event: { type: 'at_risk_flagged', reason: 'The vendor has not released the patch' },
  });

  const overdue = await call('mutation', 'promise.create', {
    accountId: northwindId,
    contactId,
    ownerId,
    kind: 'delivery',
    title: 'Deliver the spare parts',
    due: { kind: 'point', at: iso(now - 2 * day) },
    madeAt: iso(now - 12 * day),
  });
  await call('mutation', 'promise.recordEvent', {
    promiseId: overdue.id,
    expectedVersion: 1,
    event: { type: 'at_risk_flagged', reason: 'The carrier lost the pallet' },
  });

  const lateDocument = await call('mutation', 'promise.create', {
    accountId: contosoId,
    ownerId,
    kind: 'document',
    title: 'Send the signed contract',
    due: { kind: 'point', at: iso(now - day) },
    madeAt: iso(now - 5 * day),
  });

  await call('mutation', 'charter.save', {
    accountId: northwindId,
    expectedVersion: 0,
    reviewEveryMonths: 6,
    changeNote: 'Agreed with Pat at the spring review',
    terms: [
      {
        metric: 'first_response_time',
        description: 'We reply to every ticket within 4 business hours',
        target: { amount: 4, unit: 'business_hours' },
        threshold: 0.95,
        clientExpectation: { statement: 'An answer the same morning' },
      },
      {
        metric: 'delivery_lead_time',
        target: { amount: 10, unit: 'business_days' },
        threshold: 0.9,
      },
    ],
  });
  const rushRequest = await call('mutation', 'request.create', {
    accountId: contosoId,
    ownerId,
    kind: 'delivery',
    title: 'Rush delivery of 500 units by Friday',
    wantedBy: { kind: 'point', at: iso(now + 3 * day) },
  });
  const discountRequest = await call('mutation', 'request.create', {
    accountId: northwindId,
    contactId,
    ownerId,
    kind: 'quote',
    title: 'A 40% discount on the annual renewal',
  });
  await call('mutation', 'touchpoint.suggest', {});

  return {
    rushRequestId: String(rushRequest.id),
    discountRequestId: String(discountRequest.id),
    lateDocumentId: String(lateDocument.id),
    northwindId,
    contosoId,
    dueTodayId: String(dueToday.id),
    atRiskId: String(atRisk.id),
    overdueId: String(overdue.id),
  };
}
