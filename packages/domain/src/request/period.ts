import { z } from 'zod';
import { type Instant, instantMs, instantSchema } from '../shared/instant.ts';

/** An optional stretch of time to look at: from (inclusive) and to (inclusive), either open. */
export const periodShape = {
  from: instantSchema.optional(),
  to: instantSchema.optional(),
};

/** A period whose end comes before its start is a mistake, named on `to`. */
export function isOrderedPeriod(period: {
  from?: Instant | undefined;
  to?: Instant | undefined;
}): boolean {
  return (
    period.from === undefined ||
    period.to === undefined ||
    instantMs(period.from) <= instantMs(period.to)
  );
}

export const orderedPeriodRule = { path: ['to'], error: 'must not be before from' };

/** How many items a list gives at most. */
export const listLimitSchema = z
  .int({ error: 'must be a whole number' })
  .min(1, 'must be at least 1')
  .max(500, 'must be at most 500');
