// The charters and observations: this folder's public exports.
export * from './charter.ts';
export * from './charter-compliance.ts';
export * from './charter-observation.ts';
export * from './charter-review.ts';
export * from './charter-term.ts';
export * from './measure-observations.ts';
export * from './observation-verdict.ts';
export * from './review-schedule.ts';
export * from './term-target.ts';
export * from './vague-words.ts';
