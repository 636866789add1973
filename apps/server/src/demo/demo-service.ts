import { createCaller } from '@steadfast/api';
import type { Db } from '@steadfast/db';
import type { Instant } from '@steadfast/domain';
import type { Random } from './random.ts';

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

export interface ServiceDemoAccount {
  id: string;
  ownerId: string;
  stage: string;
}

export interface ServiceDemoCounts {
  charters: number;
  observations: number;
  requests: number;
  frictionReports: number;
  satisfactionSignals: number;
  touchpoints: number;
}

const responseTerm = {
  metric: 'first_response_time' as const,
  description: 'We answer every support ticket within 4 business hours',
  target: { amount: 4, unit: 'business_hours' as const },
  threshold: 0.95,
  clientExpectation: { statement: 'Within the hour, ideally' },
  negotiation: {
    clientAsked: '1 business hour',
    agreed: '4 business hours for 95% of tickets',
    reason: 'Two people staff the desk; a faster promise would not be kept',
  },
};

const deliveryTerm = {
  metric: 'delivery_lead_time' as const,
  description: 'Standard orders delivered within 10 business days',
  target: { amount: 10, unit: 'business_days' as const },
  threshold: 0.9,
  clientExpectation: { statement: 'A week would be great' },
};

const frictionCases = [
  {
    policy: 'Returns need an original invoice',
    whatHappened: 'Customer had the delivery note only; the return waited a week',
    impact: 'medium',
  },
  {
    policy: 'Credit check before every reorder',
    whatHappened: 'A ten-year customer’s urgent reorder was held for two days',
    impact: 'high',
  },
  {
    policy: 'Quotes over 10k need two signatures',
    whatHappened: 'Quote missed the customer’s board meeting',
    impact: 'critical',
  },
  {
    policy: 'Returns need an original invoice',
    whatHappened: 'Refund delayed until a copy invoice was found',
    impact: 'low',
  },
  {
    policy: 'Support tickets by web form only',
    whatHappened: 'Customer called twice and was told to use the form',
    impact: 'medium',
  },
] as const;

/**
 * The rest of a realistic picture, written through the API itself inside the demo's transaction:
 * service charters with a quarter of observations (one account slipping, one review overdue),
 * requests answered every way, friction reports, satisfaction signals and the touchpoints the
 * rules suggest today.
 */
export async function loadServiceDemo(
  trx: Db,
  options: {
    accounts: readonly ServiceDemoAccount[];
    now: Instant;
    newId: () => string;
    random: Random;
    /** Who runs today's touchpoint rules over every account. */
    adminId: string;
  },
): Promise<ServiceDemoCounts> {
  const { random } = options;
  const nowMs = Date.parse(options.now);
  const clock = { now: options.now };
  const existing = options.accounts.filter((a) =>
    ['active', 'at_risk', 'onboarding'].includes(a.stage),
  );
  const counts: ServiceDemoCounts = {
    charters: 0,
    observations: 0,
    requests: 0,
    frictionReports: 0,
    satisfactionSignals: 0,
    touchpoints: 0,
  };

  for (const [index, account] of existing.slice(0, 10).entries()) {
    const caller = createCaller({
      db: trx,
      now: () => clock.now,
      newId: options.newId,
      actorId: account.ownerId,
    });
    // One charter agreed eight months ago on a six-month cadence: its review is overdue.
    clock.now = iso(nowMs - (index === 0 ? 240 : 120) * DAY);
    const charter = await caller.charter.save({
      accountId: account.id,
      expectedVersion: 0,
      terms: [responseTerm, deliveryTerm],
      reviewEveryMonths: 6,
      changeNote: 'Agreed in the kick-off workshop',
    });
    counts.charters += 1;
    const [response, delivery] = charter.current.terms;
    clock.now = options.now;
    const slipping = index === 1;
    const observations = [];
    for (let n = 0; n < 24; n += 1) {
      const occurredAt = iso(nowMs - random.int(1, 85) * DAY);
      const late = random.chance(slipping ? 0.35 : 0.04);
      observations.push({
        accountId: account.id,
        termId: response?.id ?? '',
        reference: `TICKET-${index}-${n}`,
        businessMinutes: late ? random.int(260, 900) : random.int(15, 230),
        occurredAt,
      });
    }
    for (let n = 0; n < 6; n += 1) {
      observations.push({
        accountId: account.id,
        termId: delivery?.id ?? '',
        reference: `ORDER-${index}-${n}`,
        businessMinutes: random.int(4, slipping ? 13 : 10) * 480,
        occurredAt: iso(nowMs - random.int(1, 85) * DAY),
      });
    }
    counts.observations += (await caller.charter.observeBatch({ observations })).stored;

    await caller.request.satisfactionRecord({
      accountId: account.id,
      score: { value: slipping ? random.int(3, 6) : random.int(7, 10), min: 0, max: 10 },
      words: slipping ? 'Replies have been slow lately.' : null,
      source: 'survey',
      receivedAt: iso(nowMs - random.int(2, 30) * DAY),
    });
    counts.satisfactionSignals += 1;
  }

  const [first, second, third] = existing;
  if (first !== undefined && second !== undefined && third !== undefined) {
    const asked = iso(nowMs - 3 * DAY);
    clock.now = asked;
    const callerFor = (account: ServiceDemoAccount) =>
      createCaller({
        db: trx,
        now: () => clock.now,
        newId: options.newId,
        actorId: account.ownerId,
      });
    const ask = (account: ServiceDemoAccount, title: string, kind: 'delivery' | 'quote' | 'fix') =>
      callerFor(account).request.create({
        accountId: account.id,
        ownerId: account.ownerId,
        kind,
        title,
        askedAt: asked,
      });
    const rushed = await ask(first, 'Deliver 200 units by Friday', 'delivery');
    await callerFor(first).request.counter({
      requestId: rushed.id,
      expectedVersion: rushed.version,
      offer: '200 units in 8 business days; 50 of them by Friday from stock',
      condition: 'provided the signed purchase order arrives today',
      within: { amount: 8, unit: 'business_days' },
    });
    const quote = await ask(second, 'Quote for the extended warranty', 'quote');
    await callerFor(second).request.accept({
      requestId: quote.id,
      expectedVersion: quote.version,
      due: { kind: 'point', at: iso(nowMs + 2 * DAY) },
    });
    const custom = await ask(third, 'Build a custom export for their old ERP', 'fix');
    await callerFor(third).request.decline({
      requestId: custom.id,
      expectedVersion: custom.version,
      reason: 'We no longer support that ERP version; our CSV export covers the same fields.',
    });
    await ask(first, 'Add a second delivery address', 'delivery');
    counts.requests += 4;

    for (const [n, friction] of frictionCases.entries()) {
      const account = existing[n % existing.length] ?? first;
      await callerFor(account).request.frictionReport({
        accountId: account.id,
        ...friction,
        reportedById: account.ownerId,
        occurredAt: iso(nowMs - random.int(3, 60) * DAY),
      });
      counts.frictionReports += 1;
    }
  }

  clock.now = options.now;
  const system = createCaller({
    db: trx,
    now: () => clock.now,
    newId: options.newId,
    actorId: options.adminId,
  });
  counts.touchpoints = (await system.touchpoint.suggest({})).suggested.length;
  return counts;
}
