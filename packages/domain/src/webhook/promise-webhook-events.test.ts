import { describe, expect, it } from 'vitest';
import { aMadePromise, apply, DUE_AT, ids, someFacts } from '../__tests__/promise-builders.ts';
import { promiseWebhookEvents } from './promise-webhook-events.ts';

describe('the webhook events a change of a promise causes', () => {
  const made = aMadePromise();

  it('a promise flagged at risk causes promise.at_risk with the reason, once', () => {
    const flagged = apply(made, someFacts.at_risk_flagged('Carrier strike'));
    const events = promiseWebhookEvents(made, flagged);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'promise.at_risk',
      accountId: ids.account,
      occurredAt: flagged.atRiskSince,
      data: {
        promiseId: ids.promise,
        accountId: ids.account,
        ownerId: ids.owner,
        reason: 'Carrier strike',
        status: 'open',
        dueDeadline: DUE_AT,
        version: 2,
      },
    });
    // Flagged again while already at risk: nothing new to tell.
    const again = apply(flagged, someFacts.at_risk_flagged('Still late'));
    expect(promiseWebhookEvents(flagged, again)).toEqual([]);
  });

  it('a missed promise causes promise.missed at the moment it closed', () => {
    const missed = apply(made, someFacts.missed('Customer cancelled the order after the due'));
    expect(promiseWebhookEvents(made, missed)).toEqual([
      expect.objectContaining({
        type: 'promise.missed',
        occurredAt: missed.closedAt,
        data: expect.objectContaining({ status: 'missed', promiseId: ids.promise }),
      }),
    ]);
  });

  it('a fulfilled promise causes promise.fulfilled; a partial delivery does not', () => {
    const partly = apply(made, someFacts.fulfilled('partial'));
    expect(promiseWebhookEvents(made, partly)).toEqual([]);
    const fulfilled = apply(partly, someFacts.fulfilled('full'));
    expect(promiseWebhookEvents(partly, fulfilled)).toEqual([
      expect.objectContaining({
        type: 'promise.fulfilled',
        occurredAt: fulfilled.fulfilledAt,
        data: expect.objectContaining({ status: 'fulfilled' }),
      }),
    ]);
  });

  it('fulfilling a promise that was at risk tells of the fulfilment only', () => {
    const flagged = apply(made, someFacts.at_risk_flagged());
    const fulfilled = apply(flagged, someFacts.fulfilled());
    expect(promiseWebhookEvents(flagged, fulfilled).map((event) => event.type)).toEqual([
      'promise.fulfilled',
    ]);
  });

  it('progress, notices, renegotiation, release and cancellation cause no event', () => {
    for (const facts of [
      someFacts.progress(),
      someFacts.customer_informed(),
      someFacts.renegotiated(),
      someFacts.released(),
      someFacts.cancelled(),
    ]) {
      expect(promiseWebhookEvents(made, apply(made, facts)), facts.type).toEqual([]);
    }
  });

  it('a newly made promise causes no event', () => {
    expect(promiseWebhookEvents(null, made)).toEqual([]);
  });
});
