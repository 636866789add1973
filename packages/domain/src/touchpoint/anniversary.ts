import {
  addLocalDays,
  compareLocalDates,
  formatLocalDate,
  type LocalDate,
  localDateAt,
  parseLocalDate,
} from '../calendar/local-date.ts';
import { instantMs } from '../shared/instant.ts';
import { localDayStart } from './local-day-start.ts';
import { ordinalWords } from './ordinal-words.ts';
import type { TouchpointSoFar, TouchpointSuggestion } from './touchpoint.ts';
import { existingCustomerStages, type TouchpointRuleInput } from './touchpoint-facts.ts';

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * The day a customer since `since` celebrates in `year`: the same day and month, except that a
 * customer since 29 February celebrates on 28 February in a year without a 29 February.
 */
export function anniversaryDate(since: LocalDate, year: number): LocalDate {
  if (since.month === 2 && since.day === 29 && !isLeapYear(year)) {
    return { year, month: 2, day: 28 };
  }
  return { year, month: since.month, day: since.day };
}

function inWindow(date: LocalDate, window: { opens: LocalDate; closes: LocalDate }): boolean {
  return compareLocalDates(date, window.opens) >= 0 && compareLocalDates(date, window.closes) <= 0;
}

function celebratedInWindow(
  touchpoints: readonly TouchpointSoFar[],
  window: { opens: LocalDate; closes: LocalDate },
  timeZone: string,
): boolean {
  return touchpoints.some(
    (touchpoint) =>
      touchpoint.kind === 'anniversary' &&
      touchpoint.doneAt !== null &&
      inWindow(localDateAt(instantMs(touchpoint.doneAt), timeZone), window),
  );
}

/**
 * The yearly customer anniversary, for a client we serve (onboarding, active, at risk) with a
 * customer-since date: the N-th anniversary (N ≥ 1) is suggested from `anniversaryLeadDays`
 * before its day until `anniversaryGraceDays` after it, in the account's time zone, unless it
 * was suggested already or someone already marked an anniversary done in that window.
 */
export function suggestAnniversary(input: TouchpointRuleInput): TouchpointSuggestion[] {
  const { account, rules } = input;
  if (account.customerSince === null || !existingCustomerStages.includes(account.stage)) return [];
  const since = parseLocalDate(account.customerSince);
  const today = localDateAt(instantMs(input.now), account.timeZone);
  // The windows are shorter than a year, so only the anniversaries of last, this and next year
  // can be open today (late December reaches into January and back).
  for (const year of [today.year - 1, today.year, today.year + 1]) {
    const years = year - since.year;
    if (years < 1) continue;
    const date = anniversaryDate(since, year);
    const window = {
      opens: addLocalDays(date, -rules.anniversaryLeadDays),
      closes: addLocalDays(date, rules.anniversaryGraceDays),
    };
    if (!inWindow(today, window)) continue;
    const dedupeKey = `anniversary:${account.id}:${year}`;
    if (input.touchpoints.some((touchpoint) => touchpoint.dedupeKey === dedupeKey)) return [];
    if (celebratedInWindow(input.touchpoints, window, account.timeZone)) return [];
    return [
      {
        kind: 'anniversary',
        dedupeKey,
        promiseId: null,
        dueAt: localDayStart(date, account.timeZone),
        reason: `${ordinalWords(years)} anniversary as a customer on ${formatLocalDate(date)} (customer since ${account.customerSince}).`,
      },
    ];
  }
  return [];
}
