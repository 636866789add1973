import { formatLocalDate, localDateAt } from '../calendar/local-date.ts';
import type { PromiseSummary } from '../promise/promise-summary.ts';
import type { Importance } from '../promise/promise-terms.ts';
import { type Instant, instantMs } from '../shared/instant.ts';

/** When a feed entry sits in a calendar: a span between two instants, or a whole local day. */
export type FeedEntryTime =
  | { kind: 'span'; start: Instant; end: Instant }
  | { kind: 'day'; date: string };

/** One event of a person's calendar feed, said in the calendar's words, whatever writes the iCal. */
export interface FeedEntry {
  /** Stable across fetches, so calendar apps update the event instead of adding a second. */
  uid: string;
  time: FeedEntryTime;
  summary: string;
  description: string;
  /** Rises whenever the event changes (iCal SEQUENCE). */
  sequence: number;
  lastModified: Instant;
  /** iCal PRIORITY, 1 (highest) to 9 (lowest); null: none. */
  priority: number | null;
  /** Not certain to happen (a promise awaiting its condition). */
  tentative: boolean;
}

/** An open or awaiting promise with the names a calendar entry shows. */
export interface FeedPromise {
  promise: Pick<
    PromiseSummary,
    | 'id'
    | 'title'
    | 'kind'
    | 'importance'
    | 'status'
    | 'atRisk'
    | 'dueStart'
    | 'dueDeadline'
    | 'version'
    | 'updatedAt'
  >;
  accountName: string;
  contactName: string | null;
}

/** An account's next charter review, with what a calendar entry shows. */
export interface FeedCharterReview {
  accountId: string;
  accountName: string;
  /** The account's time zone: the review falls on a day of the client's calendar. */
  timeZone: string;
  ownerName: string;
  currentVersion: number;
  /** When the charter was first agreed. */
  createdAt: Instant;
  lastReviewedAt: Instant | null;
  nextReviewAt: Instant;
  updatedAt: Instant;
}

/** How long a point due shows in a calendar: a short reminder starting at the due instant. */
export const pointDueMinutes = 15;

const priorityByImportance: Record<Importance, number> = {
  critical: 1,
  high: 3,
  normal: 5,
  low: 9,
};

/** `2026-11-24T10:00:00.000Z` → `20261124T100000Z`: instants inside UIDs, without punctuation. */
function compactInstant(instant: Instant): string {
  return new Date(instantMs(instant)).toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');
}

function promiseStatusLine(promise: FeedPromise['promise']): string {
  const status =
    promise.status === 'awaiting_condition'
      ? 'awaiting its condition (the clock starts when it is met)'
      : promise.status;
  return promise.atRisk ? `${status}, AT RISK` : status;
}

/**
 * A promise as a calendar event: a point due is a short event starting at the due instant
 * (`pointDueMinutes`); a window runs from its earliest to its latest. Its UID is the promise's
 * own, and SEQUENCE its version, so a renegotiated due moves the same event.
 */
export function promiseFeedEntry(feedPromise: FeedPromise): FeedEntry {
  const { promise, accountName, contactName } = feedPromise;
  const isPoint = promise.dueStart === promise.dueDeadline;
  const end = isPoint
    ? new Date(instantMs(promise.dueStart) + pointDueMinutes * 60_000).toISOString()
    : promise.dueDeadline;
  return {
    uid: `promise-${promise.id}@steadfast`,
    time: { kind: 'span', start: promise.dueStart, end },
    summary: `Due: ${promise.title} — ${accountName}`,
    description: [
      `Account: ${accountName}`,
      `Kind: ${promise.kind}`,
      `Importance: ${promise.importance}`,
      `Contact: ${contactName ?? 'none named'}`,
      `Status: ${promiseStatusLine(promise)}`,
      isPoint
        ? `Due: ${promise.dueDeadline}`
        : `Due between ${promise.dueStart} and ${promise.dueDeadline}`,
    ].join('\n'),
    sequence: promise.version,
    lastModified: promise.updatedAt,
    priority: priorityByImportance[promise.importance],
    tentative: promise.status === 'awaiting_condition',
  };
}

/**
 * An account's next charter review as an all-day event on its date in the account's time zone.
 * Its UID names the account and the review it follows (the last one, else the charter's
 * agreement): a changed cadence moves the same event; once the review is held, the next one is a
 * new event. SEQUENCE is the charter's version.
 */
export function charterReviewFeedEntry(review: FeedCharterReview): FeedEntry {
  const follows = review.lastReviewedAt ?? review.createdAt;
  const date = formatLocalDate(localDateAt(instantMs(review.nextReviewAt), review.timeZone));
  return {
    uid: `charter-review-${review.accountId}-${compactInstant(follows)}@steadfast`,
    time: { kind: 'day', date },
    summary: `Charter review — ${review.accountName}`,
    description: [
      `Review the service charter (version ${review.currentVersion}) with ${review.accountName}.`,
      review.lastReviewedAt === null
        ? `Not reviewed since it was agreed on ${review.createdAt}.`
        : `Last reviewed on ${review.lastReviewedAt}.`,
      `Account manager: ${review.ownerName}`,
    ].join('\n'),
    sequence: review.currentVersion,
    lastModified: review.updatedAt,
    priority: null,
    tentative: false,
  };
}
