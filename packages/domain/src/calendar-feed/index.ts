// The calendar feed: this folder's public exports.
export * from './calendar-feed.ts';
export * from './feed-entry.ts';
