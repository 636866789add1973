import { describe, expect, it } from 'vitest';
import {
  anOpenPromise,
  BUSINESS_DAY,
  CLOCK_START,
  tenDeliveries,
} from '../__tests__/survival-builders.ts';
import type { Instant } from '../shared/instant.ts';
import { defaultAlternatives } from './notice-alternatives.ts';
import type { OpenPromiseTiming } from './open-promise-timing.ts';
import { assessPromiseRisk } from './promise-risk.ts';
import { defaultRiskSettings } from './risk-settings.ts';
import { draftSlipNotice } from './slip-notice.ts';

const days = (n: number) => n * BUSINESS_DAY;

/** A readable stand-in for business time: one business day (480 min) per calendar day. */
const oneBusinessDayPerDay = (start: Instant, minutes: number): Instant =>
  new Date(Date.parse(start) + (minutes / BUSINESS_DAY) * 86_400_000).toISOString();

/** Due Monday 9 March 2026, 17:00 UTC; 4 of its 5 business days gone. */
const slipping = anOpenPromise({ dueAt: '2026-03-09T17:00:00.000Z' });

function draft(
  promise: OpenPromiseTiming = slipping,
  extra: { alternatives?: string[]; timeZone?: string } = {},
) {
  const assessment = assessPromiseRisk({
    promise,
    curve: tenDeliveries,
    settings: defaultRiskSettings,
  });
  return draftSlipNotice({
    promise,
    assessment,
    curve: tenDeliveries,
    settings: defaultRiskSettings,
    addBusinessMinutes: oneBusinessDayPerDay,
    timeZone: extra.timeZone ?? 'UTC',
    contactName: 'Dana',
    reason: 'Our supplier shipped the part late.',
    alternatives: extra.alternatives ?? null,
  });
}

describe('draftSlipNotice', () => {
  it('drafts what happened, an apology, a realistic new date and alternatives, as parts and as text', () => {
    const notice = draft();

    expect(notice.text).toBe(
      [
        'Subject: Update on "Ship the replacement pump"',
        'Hello Dana,',
        'We promised you "Ship the replacement pump" by Monday 9 March 2026, 17:00, and it now ' +
          'looks unlikely that we will make it. The reason: Our supplier shipped the part late.',
        'We are sorry. You planned around the date we gave you, and we want you to hear it from us ' +
          'now rather than find out on the day.',
        'Our realistic new date is Wednesday 11 March 2026, 09:00: 80% of comparable promises were kept by then.',
        [
          'If that does not work for you, we can offer:',
          '- A partial delivery now, with the rest to follow',
          '- Expedited shipping at our cost',
          '- Sourcing it from another supplier',
        ].join('\n'),
        'Reply to let us know what suits you best.',
      ].join('\n\n'),
    );
    expect(notice).toMatchObject({
      promiseId: slipping.promiseId,
      subject: 'Update on "Ship the replacement pump"',
      alternativesAreDefaults: true,
      newDate: { kind: 'found', minutesFromClockStart: days(9), at: '2026-03-11T09:00:00.000Z' },
    });
  });

  it('offers the alternatives the manager gave instead of the defaults', () => {
    const notice = draft(slipping, { alternatives: ['collect it from our Leeds depot', ' '] });

    expect(notice.alternatives).toEqual(['collect it from our Leeds depot']);
    expect(notice.alternativesAreDefaults).toBe(false);
    expect(notice.text).toContain('- Collect it from our Leeds depot');
  });

  it('falls back to the defaults for the kind when the manager gave none', () => {
    const notice = draft({ ...slipping, kind: 'fix' }, { alternatives: [] });

    expect(notice.alternatives).toEqual(defaultAlternatives('fix'));
    expect(notice.alternatives[0]).toBe('a workaround now, while we finish the fix');
  });

  it('says the date was missed, and apologises for not saying sooner, when the promise is overdue', () => {
    const notice = draft({ ...slipping, elapsedMinutes: days(6) });

    expect(notice.whatHappened).toMatch(
      /by Monday 9 March 2026, 17:00, and we have not kept that date\./,
    );
    expect(notice.apology).toContain('we should have told you sooner');
    // Open after 6 days: 4 of 10 were, and all were done by day 10.
    expect(notice.newDate).toMatchObject({ minutesFromClockStart: days(10) });
  });

  it('mentions the last milestone reached as progress', () => {
    const notice = draft({
      ...slipping,
      lastMilestone: { milestone: 'Handed to the carrier', at: '2026-03-05T10:30:00.000Z' },
    });

    expect(notice.whatHappened).toContain(
      'Progress so far: Handed to the carrier (Thursday 5 March 2026, 10:30).',
    );
  });

  it("writes dates on the customer's clock", () => {
    const notice = draft(slipping, { timeZone: 'Europe/Berlin' });

    expect(notice.whatHappened).toContain('by Monday 9 March 2026, 18:00');
    expect(notice.newDateSentence).toContain('Wednesday 11 March 2026, 10:00');
  });

  it('promises no date it cannot support when the promise is beyond the record', () => {
    const notice = draft({ ...slipping, elapsedMinutes: days(11), dueMinutes: days(12) });

    expect(notice.newDate).toEqual({ kind: 'beyond_record', level: 0.8 });
    expect(notice.newDateSentence).toBe(
      'We cannot yet give a reliable new date; we will confirm one as soon as we know more.',
    );
  });

  it('greets without a name when there is no contact', () => {
    const assessment = assessPromiseRisk({
      promise: slipping,
      curve: tenDeliveries,
      settings: defaultRiskSettings,
    });
    const notice = draftSlipNotice({
      promise: slipping,
      assessment,
      curve: tenDeliveries,
      settings: defaultRiskSettings,
      addBusinessMinutes: oneBusinessDayPerDay,
      timeZone: 'UTC',
    });

    expect(notice.greeting).toBe('Hello,');
    expect(notice.whatHappened).not.toContain('The reason');
  });
});

describe('defaultAlternatives', () => {
  it('offers another supplier among the alternatives for a delivery', () => {
    expect(defaultAlternatives('delivery')).toContain('sourcing it from another supplier');
  });

  it('gives every kind at least two alternatives, and a fresh list each time', () => {
    const list = defaultAlternatives('meeting');
    list.push('changed');

    expect(defaultAlternatives('meeting')).not.toContain('changed');
    expect(defaultAlternatives('other').length).toBeGreaterThanOrEqual(2);
  });
});

describe('the clock the notice counts from', () => {
  it('is the clock start, not the moment the notice is drafted', () => {
    const later = { ...slipping, clockStartedAt: '2026-03-03T09:00:00.000Z' };

    expect(draft(later).newDate).toMatchObject({ at: '2026-03-12T09:00:00.000Z' });
    expect(draft().newDate).toMatchObject({ at: oneBusinessDayPerDay(CLOCK_START, days(9)) });
  });
});
