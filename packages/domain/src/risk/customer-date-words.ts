import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import type { Instant } from '../shared/instant.ts';

/** An instant as a customer reads it, on their own clock: "Monday 9 March 2026, 17:00". */
export function formatCustomerDate(instant: Instant, timeZone: string): string {
  return format(new TZDate(instant, timeZone), 'EEEE d MMMM yyyy, HH:mm');
}
