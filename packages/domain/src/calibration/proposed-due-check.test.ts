import { describe, expect, it } from 'vitest';
import { aCalibrationRecord, recordsSpread, scopeIds } from '../__tests__/survival-builders.ts';
import { calibrate } from './calibrate.ts';
import { calibrationSettingsSchema, defaultCalibrationSettings } from './calibration-settings.ts';
import { checkProposedDue } from './proposed-due-check.ts';

const question = {
  kind: 'delivery',
  accountId: scopeIds.northwind,
  ownerId: scopeIds.alice,
} as const;
const DAY = 480;

/** 15 Northwind deliveries; 12 of them (80%) took 7 business days or less. */
const northwindDays = [2, 3, 3, 4, 4, 5, 5, 6, 6, 6, 7, 7, 8, 9, 10];
const northwind = northwindDays.map((days) => aCalibrationRecord({ durationMinutes: days * DAY }));
const calibration = calibrate({
  records: northwind,
  question,
  settings: defaultCalibrationSettings,
});

describe('checkProposedDue', () => {
  it('warns, in plain words, when the proposal is shorter than the 80% duration', () => {
    const check = checkProposedDue({
      calibration,
      proposedMinutes: 4 * DAY,
      settings: defaultCalibrationSettings,
    });

    expect(check.verdict).toBe('tighter_than_record');
    expect(check.chanceOfKeeping).toBeCloseTo(5 / 15, 12);
    expect(check.supportedDuration).toEqual({ level: 0.8, reached: true, minutes: 3360 });
    expect(check.warning).toBe(
      '80% of deliveries for this account took ≤ 7 business days (3,360 min); you are proposing ' +
        '4 business days (1,920 min): on this record, the chance of keeping it is 33.3%.',
    );
  });

  it('finds a proposal at least as long as the 80% duration realistic, and does not warn', () => {
    const exactly = checkProposedDue({
      calibration,
      proposedMinutes: 7 * DAY,
      settings: defaultCalibrationSettings,
    });
    const longer = checkProposedDue({
      calibration,
      proposedMinutes: 8 * DAY,
      settings: defaultCalibrationSettings,
    });

    expect(exactly.verdict).toBe('supported');
    expect(exactly.warning).toBeNull();
    expect(longer).toMatchObject({ verdict: 'supported', warning: null });
    expect(longer.summary).toBe('Realistic: on this record, the chance of keeping it is 86.7%.');
  });

  it('warns against any proposal when the record never reaches the required share', () => {
    const records = [
      ...recordsSpread(12, { from: DAY, step: DAY }),
      ...recordsSpread(8, { from: 20 * DAY, step: 0, fulfilled: false }),
    ];
    const stubborn = calibrate({ records, question, settings: defaultCalibrationSettings });

    const check = checkProposedDue({
      calibration: stubborn,
      proposedMinutes: 30 * DAY,
      settings: defaultCalibrationSettings,
    });

    expect(check.verdict).toBe('tighter_than_record');
    expect(check.warning).toMatch(
      /^Fewer than 80% of deliveries for this account were fulfilled within 20 business days/,
    );
  });

  it('says there is nothing to judge by when nothing was ever fulfilled', () => {
    const empty = calibrate({ records: [], question, settings: defaultCalibrationSettings });

    const check = checkProposedDue({
      calibration: empty,
      proposedMinutes: DAY,
      settings: defaultCalibrationSettings,
    });

    expect(check.verdict).toBe('no_record');
    expect(check.warning).toContain('with nothing to check it against');
  });

  it('adds a caveat when even the widest scope held too few fulfilled promises', () => {
    const thin = calibrate({
      records: recordsSpread(4, { from: DAY, step: DAY }),
      question,
      settings: defaultCalibrationSettings,
    });

    const check = checkProposedDue({
      calibration: thin,
      proposedMinutes: DAY,
      settings: defaultCalibrationSettings,
    });

    expect(check.warning).toContain('(only 4 fulfilled on record: a rough guide)');
  });

  it('judges against a configured required chance', () => {
    const settings = calibrationSettingsSchema.parse({ requiredChance: 0.3 });

    const check = checkProposedDue({ calibration, proposedMinutes: 4 * DAY, settings });

    expect(check.verdict).toBe('supported');
    expect(check.supportedDuration).toMatchObject({ level: 0.3, minutes: 4 * DAY });
  });
});
