import { describe, expect, it } from 'vitest';
import { feedCharterScope } from './calendar-feed.ts';
import {
  charterReviewFeedEntry,
  type FeedCharterReview,
  type FeedPromise,
  promiseFeedEntry,
} from './feed-entry.ts';

const pointPromise: FeedPromise = {
  promise: {
    id: '00000000-0000-7000-8000-000000000001',
    title: 'Send the revised quote',
    kind: 'quote',
    importance: 'high',
    status: 'open',
    atRisk: false,
    dueStart: '2026-12-01T10:00:00.000Z',
    dueDeadline: '2026-12-01T10:00:00.000Z',
    version: 3,
    updatedAt: '2026-11-24T09:30:00.000Z',
  },
  accountName: 'Northwind',
  contactName: 'Jane Roe',
};

const review: FeedCharterReview = {
  accountId: '00000000-0000-7000-8000-0000000000aa',
  accountName: 'Fabrikam',
  timeZone: 'Pacific/Auckland',
  ownerName: 'Ada Owner',
  currentVersion: 2,
  createdAt: '2026-01-05T08:00:00.000Z',
  lastReviewedAt: null,
  // 22:00 UTC on 4 July is already 5 July in Auckland.
  nextReviewAt: '2026-07-04T22:00:00.000Z',
  updatedAt: '2026-02-02T09:00:00.000Z',
};

describe('a promise in the calendar feed', () => {
  it('shows a point due as a short event starting at the due instant', () => {
    const entry = promiseFeedEntry(pointPromise);
    expect(entry.time).toEqual({
      kind: 'span',
      start: '2026-12-01T10:00:00.000Z',
      end: '2026-12-01T10:15:00.000Z',
    });
    expect(entry.summary).toBe('Due: Send the revised quote — Northwind');
  });

  it('shows a window from its earliest to its latest', () => {
    const entry = promiseFeedEntry({
      ...pointPromise,
      promise: {
        ...pointPromise.promise,
        dueStart: '2026-12-07T08:00:00.000Z',
        dueDeadline: '2026-12-11T17:00:00.000Z',
      },
    });
    expect(entry.time).toEqual({
      kind: 'span',
      start: '2026-12-07T08:00:00.000Z',
      end: '2026-12-11T17:00:00.000Z',
    });
    expect(entry.description).toContain(
      'Due between 2026-12-07T08:00:00.000Z and 2026-12-11T17:00:00.000Z',
    );
  });

  it('keeps its UID across versions and carries the version as its sequence', () => {
    const later = promiseFeedEntry({
      ...pointPromise,
      promise: { ...pointPromise.promise, version: 5, updatedAt: '2026-11-25T12:00:00.000Z' },
    });
    const first = promiseFeedEntry(pointPromise);
    expect(later.uid).toBe(first.uid);
    expect(first.uid).toBe('promise-00000000-0000-7000-8000-000000000001@steadfast');
    expect([first.sequence, later.sequence]).toEqual([3, 5]);
    expect(later.lastModified).toBe('2026-11-25T12:00:00.000Z');
  });

  it('describes kind, importance, contact and status, and says when it is at risk', () => {
    const calm = promiseFeedEntry(pointPromise).description;
    expect(calm.split('\n')).toEqual([
      'Account: Northwind',
      'Kind: quote',
      'Importance: high',
      'Contact: Jane Roe',
      'Status: open',
      'Due: 2026-12-01T10:00:00.000Z',
    ]);
    const atRisk = promiseFeedEntry({
      ...pointPromise,
      promise: { ...pointPromise.promise, atRisk: true },
      contactName: null,
    }).description;
    expect(atRisk).toContain('Status: open, AT RISK');
    expect(atRisk).toContain('Contact: none named');
  });

  it('marks a promise awaiting its condition as tentative, and an open one as not', () => {
    const awaiting = promiseFeedEntry({
      ...pointPromise,
      promise: { ...pointPromise.promise, status: 'awaiting_condition' },
    });
    expect(awaiting.tentative).toBe(true);
    expect(awaiting.description).toContain('Status: awaiting its condition');
    expect(promiseFeedEntry(pointPromise).tentative).toBe(false);
  });

  it('ranks critical promises first in iCal priority and low ones last', () => {
    const importances = ['critical', 'high', 'normal', 'low'] as const;
    const priorities = importances.map(
      (importance) =>
        promiseFeedEntry({ ...pointPromise, promise: { ...pointPromise.promise, importance } })
          .priority,
    );
    expect(priorities).toEqual([1, 3, 5, 9]);
  });
});

describe('a charter review in the calendar feed', () => {
  it('falls on its date in the account’s time zone, as an all-day event', () => {
    const entry = charterReviewFeedEntry(review);
    expect(entry.time).toEqual({ kind: 'day', date: '2026-07-05' });
    expect(entry.summary).toBe('Charter review — Fabrikam');
    expect(entry.sequence).toBe(2);
    expect(entry.description).toContain('Not reviewed since it was agreed');
  });

  it('keeps its UID when the cadence moves the date, and gets a new one once reviewed', () => {
    const first = charterReviewFeedEntry(review);
    const moved = charterReviewFeedEntry({
      ...review,
      currentVersion: 3,
      nextReviewAt: '2026-04-04T22:00:00.000Z',
    });
    const afterReview = charterReviewFeedEntry({
      ...review,
      lastReviewedAt: '2026-07-06T09:00:00.000Z',
      nextReviewAt: '2027-01-06T09:00:00.000Z',
    });
    expect(first.uid).toBe(
      'charter-review-00000000-0000-7000-8000-0000000000aa-20260105T080000Z@steadfast',
    );
    expect(moved.uid).toBe(first.uid);
    expect(afterReview.uid).not.toBe(first.uid);
    expect(afterReview.description).toContain('Last reviewed on 2026-07-06T09:00:00.000Z');
  });
});

describe('whose charter reviews a feed holds', () => {
  it('is an account manager’s own accounts, and every account for leaders and admins', () => {
    expect(feedCharterScope('account_manager')).toBe('own_accounts');
    expect(feedCharterScope('leader')).toBe('all_accounts');
    expect(feedCharterScope('admin')).toBe('all_accounts');
  });
});
