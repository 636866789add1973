import { describe, expect, it } from 'vitest';
import { domainErrorFrom } from '../__tests__/promise-builders.ts';
import { defaultDriftSettings, driftSettingsSchema } from './drift-settings.ts';
import { detectExpectationDrift, type FulfilledDuration } from './expectation-drift.ts';

const DAY = 480;
/** Deliveries on 10-business-day promises that took these many business days, oldest first. */
const onTenDayPromises = (...actualDays: number[]): FulfilledDuration[] =>
  actualDays.map((days) => ({ promisedMinutes: 10 * DAY, actualMinutes: days * DAY }));

const detect = (fulfilled: FulfilledDuration[], settings = defaultDriftSettings) =>
  detectExpectationDrift({ accountName: 'Northwind', kind: 'delivery', fulfilled, settings });

describe('detectExpectationDrift', () => {
  it('warns that the customer may now expect what they usually get when delivery keeps running well ahead', () => {
    const drift = detect(onTenDayPromises(5, 6, 6, 6, 7, 5.5));

    expect(drift).toMatchObject({
      drifted: true,
      expectedMinutes: 6 * DAY,
      typicalPromisedMinutes: 10 * DAY,
      aheadCount: 6,
      considered: 6,
    });
    if (!drift.drifted) throw new Error('expected drift');
    expect(drift.message).toBe(
      'Northwind has had deliveries in about 6 business days on promises of 10 business days ' +
        '(6 of the last 6 in at most 70% of the promised time); they may now expect about 6 ' +
        'business days, and a delivery merely on time may disappoint.',
    );
    expect(drift.suggestion).toContain(
      'Promise closer to what you deliver (about 6 business days)',
    );
  });

  it('tolerates one slower delivery among the recent ones, and the expectation does not move for it', () => {
    const drift = detect(onTenDayPromises(5, 6, 12, 6, 6, 7));

    expect(drift).toMatchObject({ drifted: true, aheadCount: 5, expectedMinutes: 6 * DAY });
  });

  it('sees no drift when fewer than 5 of the last 6 ran well ahead', () => {
    expect(detect(onTenDayPromises(5, 6, 9, 10, 6, 6))).toMatchObject({
      drifted: false,
      reason: 'not_consistently_ahead',
      aheadCount: 4,
    });
  });

  it('sees no drift on too little data, however early', () => {
    expect(detect(onTenDayPromises(3, 3, 3, 3, 3))).toMatchObject({
      drifted: false,
      reason: 'too_little_data',
      considered: 5,
    });
    expect(detect([])).toMatchObject({ drifted: false, reason: 'too_little_data' });
  });

  it('sees no drift when delivery is merely on time, or late', () => {
    expect(detect(onTenDayPromises(9.5, 10, 9, 10, 9.8, 10)).drifted).toBe(false);
    expect(detect(onTenDayPromises(11, 12, 10.5, 14, 11, 12)).drifted).toBe(false);
  });

  it('looks only at the most recent promises, newest last', () => {
    const earlyThenOnTime = onTenDayPromises(5, 5, 5, 5, 5, 5, 10, 10, 10, 10, 10, 10);
    const onTimeThenEarly = onTenDayPromises(10, 10, 10, 10, 10, 10, 5, 5, 5, 5, 5, 5);

    expect(detect(earlyThenOnTime).drifted).toBe(false);
    expect(detect(onTimeThenEarly)).toMatchObject({ drifted: true, expectedMinutes: 5 * DAY });
  });

  it('counts a delivery in exactly 70% of the promised time as ahead, and one in 71% as not', () => {
    expect(detect(onTenDayPromises(7, 7, 7, 7, 7, 7)).drifted).toBe(true);
    expect(detect(onTenDayPromises(7.1, 7.1, 7.1, 7.1, 7.1, 7.1)).drifted).toBe(false);
  });

  it('compares each delivery with its own promise when promises differ', () => {
    const fulfilled = [
      { promisedMinutes: 10 * DAY, actualMinutes: 6 * DAY },
      { promisedMinutes: 14 * DAY, actualMinutes: 8 * DAY },
      { promisedMinutes: 5 * DAY, actualMinutes: 4.5 * DAY },
      { promisedMinutes: 10 * DAY, actualMinutes: 6 * DAY },
      { promisedMinutes: 12 * DAY, actualMinutes: 7 * DAY },
      { promisedMinutes: 10 * DAY, actualMinutes: 7 * DAY },
    ];

    expect(detect(fulfilled)).toMatchObject({
      drifted: true,
      aheadCount: 5,
      expectedMinutes: 6.5 * DAY,
      typicalPromisedMinutes: 10 * DAY,
    });
  });

  it('follows a configured window, count and ratio', () => {
    const settings = driftSettingsSchema.parse({ window: 4, minAhead: 3, aheadRatio: 0.8 });

    expect(detect(onTenDayPromises(8, 8, 10, 8), settings).drifted).toBe(true);
    expect(detect(onTenDayPromises(8, 8, 10, 8), defaultDriftSettings).drifted).toBe(false);
  });

  it('refuses a promised duration of zero, naming the entry', () => {
    const error = domainErrorFrom(() => detect([{ promisedMinutes: 0, actualMinutes: 10 }]));

    expect(error).toMatchObject({ code: 'invalid_duration', field: 'fulfilled.0.promisedMinutes' });
  });
});
