// The leadership's portfolio analytics: this folder's public exports.
export * from './attention.ts';
export * from './kind-slips.ts';
export * from './service-gaps.ts';
export * from './trend-months.ts';
