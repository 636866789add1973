import { TZDate } from '@date-fns/tz';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localDateAt, zoneOffsetMinutes } from './local-date.ts';

// Zones whose clocks move by odd amounts, backwards in winter, twice a year or not at all, and
// years when many still kept local mean time (offsets with seconds).
const zones = [
  'UTC',
  'Europe/Berlin',
  'America/New_York',
  'Europe/Dublin',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'Asia/Kathmandu',
  'America/St_Johns',
  'Africa/Casablanca',
  'Pacific/Apia',
  'Asia/Tehran',
  'America/Santiago',
];

const instants = fc.integer({
  min: Date.UTC(1880, 0, 1),
  max: Date.UTC(2100, 0, 1),
});

function tzDateOf(epochMs: number, timeZone: string) {
  const local = new TZDate(epochMs, timeZone);
  return { year: local.getFullYear(), month: local.getMonth() + 1, day: local.getDate() };
}

describe('the local date at an instant', () => {
  it('is the date TZDate reads there, in every zone and era', () => {
    fc.assert(
      fc.property(instants, fc.constantFrom(...zones), (epochMs, timeZone) => {
        expect(localDateAt(epochMs, timeZone)).toEqual(tzDateOf(epochMs, timeZone));
      }),
      { numRuns: 5000 },
    );
  });

  it('is right on both sides of a change of the clocks, asked in any order', () => {
    // Berlin springs forward at 01:00 UTC on 29 March 2026 and falls back at 01:00 UTC on 25 October.
    for (const change of [Date.UTC(2026, 2, 29, 1), Date.UTC(2026, 9, 25, 1)]) {
      for (const offsetMs of [-3_600_000, -1, 0, 1, 1_800_000, 3_599_999, -1_800_000]) {
        const at = change + offsetMs;
        expect(localDateAt(at, 'Europe/Berlin')).toEqual(tzDateOf(at, 'Europe/Berlin'));
      }
    }
    // Changes in the middle of a UTC hour: St John's springs forward at 05:30 UTC on 8 March
    // 2026, Kathmandu moved from +05:30 to +05:45 at 18:30 UTC on 31 December 1985. The part of
    // the hour before the change is asked first, then the part after it.
    for (const [timeZone, change] of [
      ['America/St_Johns', Date.UTC(2026, 2, 8, 5, 30)],
      ['Asia/Kathmandu', Date.UTC(1985, 11, 31, 18, 30)],
    ] as const) {
      for (const at of [change - 1_800_000, change - 1, change, change + 1_799_999]) {
        expect(zoneOffsetMinutes(at, timeZone)).toBe(-new TZDate(at, timeZone).getTimezoneOffset());
      }
    }
  });

  it('is no date in a zone that does not exist, as with TZDate', () => {
    const date = localDateAt(Date.UTC(2026, 0, 1), 'Mars/Olympus_Mons');
    expect(date.year).toBeNaN();
    expect(tzDateOf(Date.UTC(2026, 0, 1), 'Mars/Olympus_Mons').year).toBeNaN();
  });
});
