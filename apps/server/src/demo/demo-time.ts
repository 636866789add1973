// Wall-clock arithmetic for making believable demo times: promises are made in office hours
// and fall due at the end of a client's working day. Calendar time, not business time: the
// demo only needs to look right, the analytics measure in `domain/calendar`.

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let found = formatters.get(timeZone);
  if (found === undefined) {
    found = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, found);
  }
  return found;
}

/** How far the time zone's wall clock is ahead of UTC at `ms`. */
function offsetMs(ms: number, timeZone: string): number {
  const parts = formatter(timeZone).formatToParts(new Date(ms));
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
  return wall - Math.floor(ms / 1000) * 1000;
}

/** The instant on the same local day as `ms` at `hour`:`minute` local time. */
export function atLocalTime(ms: number, timeZone: string, hour: number, minute = 0): number {
  const wall = ms + offsetMs(ms, timeZone);
  const targetWall = Math.floor(wall / DAY) * DAY + hour * HOUR + minute * MINUTE;
  const guess = targetWall - offsetMs(ms, timeZone);
  return targetWall - offsetMs(guess, timeZone);
}

function localClock(ms: number, timeZone: string): { weekday: number; hour: number } {
  const wall = new Date(ms + offsetMs(ms, timeZone));
  return { weekday: wall.getUTCDay(), hour: wall.getUTCHours() + wall.getUTCMinutes() / 60 };
}

export function isWeekend(ms: number, timeZone: string): boolean {
  const { weekday } = localClock(ms, timeZone);
  return weekday === 0 || weekday === 6;
}

/** `ms`, or the next moment in local office hours (Mon–Fri, 08:30–18:00) after it. */
export function intoOfficeHours(ms: number, timeZone: string): number {
  let moment = ms;
  for (let guard = 0; guard < 7; guard += 1) {
    const { weekday, hour } = localClock(moment, timeZone);
    if (weekday === 0 || weekday === 6 || hour >= 18) {
      moment = atLocalTime(moment + DAY, timeZone, 9);
    } else if (hour < 8.5) {
      moment = atLocalTime(moment, timeZone, 9);
    } else {
      return moment;
    }
  }
  return moment;
}

/** `ms`, or the last moment in local office hours before it (a little before 17:30). */
export function backIntoOfficeHours(ms: number, timeZone: string): number {
  let moment = ms;
  for (let guard = 0; guard < 7; guard += 1) {
    const { weekday, hour } = localClock(moment, timeZone);
    if (weekday === 0 || weekday === 6 || hour < 8.5) {
      moment = atLocalTime(moment - DAY, timeZone, 17.5);
    } else if (hour >= 18) {
      moment = atLocalTime(moment, timeZone, 17.5);
    } else {
      return moment;
    }
  }
  return moment;
}

/** `days` local working days after `ms` (weekends skipped), at `hour` local time. */
export function workingDaysLater(ms: number, days: number, timeZone: string, hour = 17): number {
  let moment = ms;
  let remaining = days;
  while (remaining > 0 || isWeekend(moment, timeZone)) {
    moment += DAY;
    if (!isWeekend(moment, timeZone)) remaining -= 1;
  }
  return atLocalTime(moment, timeZone, hour);
}

export function roundTo(ms: number, step: number): number {
  return Math.round(ms / step) * step;
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** On the working day of `ms` (or the next one), at `hour` local time. */
export function officeMoment(ms: number, timeZone: string, hour: number): number {
  const onDay = atLocalTime(ms, timeZone, hour);
  const open = intoOfficeHours(onDay, timeZone);
  return open === onDay ? onDay : atLocalTime(open, timeZone, hour);
}

export function floorToMinute(ms: number): number {
  return Math.floor(ms / MINUTE) * MINUTE;
}
