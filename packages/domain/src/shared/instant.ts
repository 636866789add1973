import { z } from 'zod';

/** An instant in time, stored and exchanged everywhere as a UTC ISO-8601 string (`…Z`). */
export type Instant = string;

/**
 * Accepts an ISO-8601 date-time with `Z` or an offset and normalises it to UTC (`toISOString`),
 * so instants compare correctly as strings in every store.
 */
export const instantSchema = z.iso
  .datetime({
    offset: true,
    error: 'must be an ISO-8601 date-time with a time zone (e.g. 2026-03-01T09:00:00Z)',
  })
  .transform((value) => new Date(value).toISOString());

export const idSchema = z.uuid({ error: 'must be a UUID' });

export function toInstant(date: Date): Instant {
  return date.toISOString();
}

export function instantMs(instant: Instant): number {
  return Date.parse(instant);
}
