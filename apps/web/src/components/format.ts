/** "2026-11-24T10:00:00Z" → "24 Nov 2026". */
export function formatDay(instant: string | null | undefined): string {
  if (instant === null || instant === undefined) return '—';
  return new Date(instant).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
}

/** "2026-11-24" → "Nov 26" for chart axes. */
export function formatMonth(day: string): string {
  return new Date(`${day}T12:00:00Z`).toLocaleDateString('en-GB', {
    month: 'short',
    year: '2-digit',
  });
}

/** Snake-case words as people write them: "first_response_time" → "first response time". */
export function words(value: string): string {
  return value.replaceAll('_', ' ');
}
