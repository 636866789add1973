import { formatLocalDate, localDateAt, parseLocalDate } from '../calendar/local-date.ts';
import { type Instant, instantMs } from '../shared/instant.ts';
import { localDayStart } from './local-day-start.ts';
import type { TouchpointSuggestion } from './touchpoint.ts';
import { DAY_MS, existingCustomerStages, type TouchpointRuleInput } from './touchpoint-facts.ts';

/**
 * Since when an account has been quiet: the latest of its creation, the start of its customer-since
 * date, the last promise made or fulfilled for it, the last touchpoint done, and the last check-in
 * dismissed (a dismissal means "not now": the next check-in waits a full period again).
 */
export function quietSince(input: TouchpointRuleInput): Instant {
  const { account } = input;
  const moments: Instant[] = [account.createdAt];
  if (account.customerSince !== null) {
    moments.push(localDayStart(parseLocalDate(account.customerSince), account.timeZone));
  }
  if (input.lastPromiseTouchAt !== null) moments.push(input.lastPromiseTouchAt);
  for (const touchpoint of input.touchpoints) {
    if (touchpoint.status === 'done' && touchpoint.doneAt !== null) moments.push(touchpoint.doneAt);
    if (touchpoint.kind === 'neglected_check_in' && touchpoint.dismissedAt !== null) {
      moments.push(touchpoint.dismissedAt);
    }
  }
  return moments.reduce((latest, moment) =>
    instantMs(moment) > instantMs(latest) ? moment : latest,
  );
}

/**
 * A check-in on a neglected account: a client we serve (onboarding, active, at risk — never a
 * prospect or a churned one) quiet for at least `neglectedAfterDays` days (see `quietSince`), with
 * no check-in already waiting. Due the day the quiet period ran out.
 */
export function suggestNeglectedCheckIn(input: TouchpointRuleInput): TouchpointSuggestion[] {
  const { account } = input;
  if (!existingCustomerStages.includes(account.stage)) return [];
  const waiting = input.touchpoints.some(
    (touchpoint) => touchpoint.kind === 'neglected_check_in' && touchpoint.status === 'suggested',
  );
  if (waiting) return [];
  const since = quietSince(input);
  const dueMs = instantMs(since) + input.rules.neglectedAfterDays * DAY_MS;
  if (instantMs(input.now) < dueMs) return [];
  const dedupeKey = `check_in:${account.id}:${since}`;
  if (input.touchpoints.some((touchpoint) => touchpoint.dedupeKey === dedupeKey)) return [];
  const quietDays = Math.floor((instantMs(input.now) - instantMs(since)) / DAY_MS);
  const sinceDate = formatLocalDate(localDateAt(instantMs(since), account.timeZone));
  return [
    {
      kind: 'neglected_check_in',
      dedupeKey,
      promiseId: null,
      dueAt: new Date(dueMs).toISOString(),
      reason: `No touch for ${quietDays} days (since ${sinceDate}): check in with them.`,
    },
  ];
}
