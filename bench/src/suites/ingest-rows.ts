import type { RouterInputs } from '@steadfast/api';
import type { IngestStore } from './ingest-store.ts';

export type EventItem = RouterInputs['promise']['recordEventBatch']['events'][number];
export type ObservationItem = RouterInputs['charter']['observeBatch']['observations'][number];

/** mulberry32: a small seeded generator, so every run posts the same rows. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * What an order system posts over a promise's life: picked, handed to the carrier, sometimes a
 * slip flagged and the customer told, then delivered (now and then partly first) or missed.
 */
function lifeOf(promiseId: string, random: () => number): EventItem[] {
  const facts: EventItem['event'][] = [{ type: 'progress', milestone: 'Picked' }];
  if (random() < 0.7) facts.push({ type: 'progress', milestone: 'Handed to the carrier' });
  if (random() < 0.1) {
    facts.push({ type: 'at_risk_flagged', reason: 'The carrier reports a delay at the hub' });
    facts.push({
      type: 'customer_informed',
      channel: 'email',
      alternativesOffered: ['Collect from the depot tomorrow'],
      apologised: true,
    });
  }
  const ending = random();
  if (ending < 0.1) facts.push({ type: 'fulfilled', completeness: 'partial', note: 'First half' });
  if (ending < 0.95) facts.push({ type: 'fulfilled', completeness: 'full' });
  else facts.push({ type: 'missed', note: 'Lost in transit' });
  return facts.map((event, index) => ({ promiseId, expectedVersion: index + 1, event }));
}

/**
 * `count` events on the store's open promises, grouped into batches of at most `batchSize` that
 * never split a promise's events, so batches sent at once never touch the same promise.
 */
export function eventBatches(
  store: IngestStore,
  count: number,
  batchSize: number,
): { batches: EventItem[][]; promises: number } {
  const random = seeded(20_261_124);
  const batches: EventItem[][] = [];
  let current: EventItem[] = [];
  let total = 0;
  let promises = 0;
  for (const promiseId of store.promiseIds) {
    if (total >= count) break;
    const life = lifeOf(promiseId, random).slice(0, count - total);
    if (current.length + life.length > batchSize) {
      batches.push(current);
      current = [];
    }
    current.push(...life);
    total += life.length;
    promises += 1;
  }
  if (current.length > 0) batches.push(current);
  if (total < count) throw new Error(`only ${total} events fit on ${promises} promises`);
  return { batches, promises };
}

/** Promises enough for `count` events (a life is 3.2 events on average; a margin on top). */
export function promisesFor(count: number): number {
  return Math.ceil(count / 2.5);
}

/**
 * `count` helpdesk measurements of the store's charter terms: first responses posted as the
 * moments they started and ended (measured in the account's business hours by the server),
 * resolutions as business minutes already measured. Each has its own ticket reference.
 */
export function observationBatches(
  store: IngestStore,
  count: number,
  batchSize: number,
  now: Date,
): ObservationItem[][] {
  const random = seeded(4_040_404);
  const batches: ObservationItem[][] = [];
  const weekAgo = now.getTime() - 7 * 86_400_000;
  for (let start = 0; start < count; start += batchSize) {
    const batch: ObservationItem[] = [];
    for (let index = start; index < Math.min(count, start + batchSize); index += 1) {
      const account = store.terms[index % store.terms.length];
      if (account === undefined) throw new Error('no charter terms to observe');
      const reference = `TICKET-${1_000_000 + index}`;
      if (index % 2 === 0) {
        const startedAt = weekAgo + Math.floor(random() * 5 * 86_400_000);
        const endedAt = startedAt + Math.floor(random() * 8 * 3_600_000);
        batch.push({
          accountId: account.accountId,
          termId: account.responseTermId,
          reference,
          startedAt: new Date(startedAt).toISOString(),
          endedAt: new Date(endedAt).toISOString(),
        });
      } else {
        batch.push({
          accountId: account.accountId,
          termId: account.resolutionTermId,
          reference,
          businessMinutes: Math.round(random() * 4 * 480),
          occurredAt: new Date(weekAgo + Math.floor(random() * 6 * 86_400_000)).toISOString(),
        });
      }
    }
    batches.push(batch);
  }
  return batches;
}
