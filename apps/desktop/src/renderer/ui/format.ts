/** Dates as an account manager reads them on the phone: "Fri 27 Nov, 15:00". */
const dayAndTime = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
});
const dayOnly = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
});
const timeOnly = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

export function formatMoment(instant: string | Date): string {
  return dayAndTime.format(typeof instant === 'string' ? new Date(instant) : instant);
}

export function formatDay(instant: string | Date): string {
  return dayOnly.format(typeof instant === 'string' ? new Date(instant) : instant);
}

/** A due: a moment, or a window "Mon 30 Nov – Wed 2 Dec, 17:00". */
export function formatDue(
  due: { kind: 'point'; at: string } | { kind: 'window'; earliest: string; latest: string },
): string {
  return due.kind === 'point'
    ? formatMoment(due.at)
    : `${formatMoment(due.earliest)} – ${formatMoment(due.latest)}`;
}

/** How far a deadline is from now, in words: "in 3 h", "2 days late". */
export function formatFromNow(deadline: string, now: Date = new Date()): string {
  const minutes = Math.round((Date.parse(deadline) - now.getTime()) / 60_000);
  const late = minutes < 0;
  const size = Math.abs(minutes);
  const words =
    size < 60
      ? `${size} min`
      : size < 48 * 60
        ? `${Math.round(size / 60)} h`
        : `${Math.round(size / 1440)} days`;
  if (size === 0) return 'now';
  return late ? `${words} late` : `in ${words}`;
}

/** Today's promises show just the time; others the day and time. */
export function formatDeadline(deadline: string, now: Date = new Date()): string {
  const date = new Date(deadline);
  return date.toDateString() === now.toDateString()
    ? `today ${timeOnly.format(date)}`
    : formatMoment(date);
}

/** The caller's own time zone, for what "today" means. */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
