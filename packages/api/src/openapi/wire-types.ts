import { z } from 'zod';

/** An instant as every response carries it: a UTC ISO-8601 string (`2026-03-01T09:00:00.000Z`). */
export const instantOutput = z.iso.datetime().meta({ example: '2026-03-01T09:00:00.000Z' });

/** An id of anything Steadfast stores (a UUIDv7 for everything it creates itself). */
export const idOutput = z.string().meta({ example: '0192f7a8-1c2b-7d3e-8f40-5a6b7c8d9e0f' });

/** A calendar date without a time of day (`2026-03-01`). */
export const calendarDateOutput = z.iso.date();
