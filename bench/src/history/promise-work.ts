import type { PromiseClosing } from '@steadfast/db';
import { type BusinessCalendar, calendarFor } from '@steadfast/domain';
import type { PromisePlan } from './promise-plan.ts';
import { type EventRow, type ProjectionRow, storedPromise } from './promise-rows.ts';
import { historySettings } from './settings.ts';

/** One planned promise to run through the domain, with its ids and its account's own calendar. */
export interface PromiseWork {
  plan: PromisePlan;
  promiseId: string;
  eventIds: string[];
  accountCalendar: BusinessCalendar | null;
}

/** What the writer needs of a stored promise (plain data: it crosses threads). */
export interface PromiseRows {
  projection: ProjectionRow;
  events: EventRow[];
  closing: PromiseClosing | null;
  /** When it closed, as recorded with its contributions and resolution. */
  closedAt: string | null;
}

export function storeAll(items: readonly PromiseWork[]): PromiseRows[] {
  return items.map((item) => {
    const stored = storedPromise({
      plan: item.plan,
      promiseId: item.promiseId,
      eventIds: item.eventIds,
      // The account's own calendar, else the company's: accountCalendar() in the API.
      calendar: calendarFor(item.accountCalendar, historySettings.companyCalendar),
      settings: historySettings,
    });
    const closed = stored.closedState;
    return {
      projection: stored.projection,
      events: stored.events,
      closing: stored.closing,
      closedAt: closed === null ? null : (closed.closedAt ?? closed.updatedAt),
    };
  });
}
