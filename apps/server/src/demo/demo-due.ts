import type { Due, Importance, PromiseKind } from '@steadfast/domain';
import { DAY, HOUR, intoOfficeHours, MINUTE, roundTo, workingDaysLater } from './demo-time.ts';
import type { Random } from './random.ts';

// When demo promises fall due, in epoch milliseconds until they are handed to the domain.

export type DueMs =
  | { kind: 'point'; at: number }
  | { kind: 'window'; earliest: number; latest: number };

export function deadlineOf(due: DueMs): number {
  return due.kind === 'point' ? due.at : due.latest;
}

export function startOf(due: DueMs): number {
  return due.kind === 'point' ? due.at : due.earliest;
}

/** The due as the domain takes it: UTC ISO instants. */
export function dueInput(due: DueMs): Due {
  return due.kind === 'point'
    ? { kind: 'point', at: new Date(due.at).toISOString() }
    : {
        kind: 'window',
        earliest: new Date(due.earliest).toISOString(),
        latest: new Date(due.latest).toISOString(),
      };
}

/** When a promise of this kind, started at `start`, is typically due: hours for a call, weeks for goods. */
export function planDue(
  random: Random,
  terms: { kind: PromiseKind; start: number; timeZone: string; importance: Importance },
): DueMs {
  const { kind, start, timeZone, importance } = terms;
  const within = (hours: readonly (readonly [number, number])[]): DueMs => {
    const at = start + random.weighted(hours) * HOUR;
    const inOffice = intoOfficeHours(at, timeZone);
    // "Within 4 hours" said at five o'clock means tomorrow morning.
    return { kind: 'point', at: roundTo(inOffice === at ? at : inOffice + HOUR, 15 * MINUTE) };
  };
  const days = (min: number, max: number, hour = 17): DueMs => ({
    kind: 'point',
    at: workingDaysLater(start, random.int(min, max), timeZone, hour),
  });
  switch (kind) {
    case 'response':
      return within([
        [2, 2],
        [4, 4],
        [8, 2],
        [24, 3],
        [48, 1],
      ]);
    case 'callback':
      return within([
        [1, 2],
        [2, 3],
        [4, 3],
        [24, 2],
      ]);
    case 'fix':
      return importance === 'critical'
        ? within([
            [4, 1],
            [8, 2],
            [24, 2],
          ])
        : days(1, 7);
    case 'quote':
      return days(2, 7, random.pick([12, 17]));
    case 'document':
      return days(3, 10);
    case 'delivery': {
      if (!random.chance(0.55)) return days(5, 15);
      const earliest = workingDaysLater(start, random.int(5, 10), timeZone, 9);
      return {
        kind: 'window',
        earliest,
        latest: workingDaysLater(earliest, random.int(2, 5), timeZone),
      };
    }
    case 'meeting':
      return days(3, 15, random.pick([9.5, 10, 11, 14, 15.5]));
    case 'other':
      return days(1, 8);
  }
}

/** A later due agreed with the customer: the same shape, pushed out by a share of the time allowed. */
export function extendedDue(
  random: Random,
  slip: { kind: PromiseKind; due: DueMs; timeZone: string; allowed: number },
): DueMs {
  const { kind, due, timeZone, allowed } = slip;
  if (kind === 'meeting') {
    const at = workingDaysLater(
      due.kind === 'point' ? due.at : due.latest,
      random.int(2, 8),
      timeZone,
      random.pick([10, 14, 15.5]),
    );
    return { kind: 'point', at };
  }
  const push = Math.max(4 * HOUR, allowed * random.between(0.3, 1));
  if (due.kind === 'window') {
    const days = Math.max(1, Math.round(push / DAY));
    return {
      kind: 'window',
      earliest: workingDaysLater(due.earliest, days, timeZone),
      latest: workingDaysLater(due.latest, days, timeZone),
    };
  }
  if (push < DAY)
    return { kind: 'point', at: roundTo(intoOfficeHours(due.at + push, timeZone), 15 * MINUTE) };
  return { kind: 'point', at: workingDaysLater(due.at, Math.round(push / DAY), timeZone) };
}
