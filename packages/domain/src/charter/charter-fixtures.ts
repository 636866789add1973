// Charters shared by the charter tests (not part of the domain's public surface).
import { standardBusinessCalendar } from '../calendar/business-calendar.ts';
import { type Charter, reviseCharter, saveCharterInputSchema } from './charter.ts';
import type { CharterTermInput } from './charter-term.ts';

export const accountId = '00000000-0000-7000-8000-00000000a001';
export const actorId = '00000000-0000-7000-8000-00000000b001';

/** Mon–Fri 09:00–17:00 in Europe/Berlin. */
export const berlinOffice = standardBusinessCalendar('Europe/Berlin');

/** Term ids 00000000-0000-7000-8000-000000000001, … in the order they are handed out. */
export function termIds(): () => string {
  let next = 0;
  return () => {
    next += 1;
    return `00000000-0000-7000-8000-${next.toString(16).padStart(12, '0')}`;
  };
}

/** "95% of first responses within 4 business hours". */
export const firstResponseTerm: CharterTermInput = {
  metric: 'first_response_time',
  description: 'We reply to every ticket within 4 business hours',
  target: { amount: 4, unit: 'business_hours' },
  threshold: 0.95,
};

/** "90% of issues resolved within 3 business days". */
export const resolutionTerm: CharterTermInput = {
  metric: 'resolution_time',
  target: { amount: 3, unit: 'business_days' },
  threshold: 0.9,
};

/** "At most 2 defects per release, in 80% of releases". */
export const defectsTerm: CharterTermInput = {
  metric: 'custom',
  name: 'defects per release',
  quantityTarget: { atMost: 2, unit: 'defects per release' },
  threshold: 0.8,
};

/** A first charter for `accountId`, saved at `now`. */
export function firstCharter(
  terms: CharterTermInput[],
  options: { now?: string; newTermId?: () => string; reviewEveryMonths?: number } = {},
): Charter {
  const now = options.now ?? '2026-01-05T09:00:00.000Z';
  const input = saveCharterInputSchema.parse({
    accountId,
    expectedVersion: 0,
    terms,
    reviewEveryMonths: options.reviewEveryMonths ?? 6,
  });
  const { head, version } = reviseCharter(null, input, {
    now,
    actorId,
    newTermId: options.newTermId ?? termIds(),
    timeZone: 'Europe/Berlin',
  });
  return { head, current: version };
}
