// The requests, friction reports and satisfaction signals: this folder's public exports.
export * from './counter-offer.ts';
export * from './customer-request.ts';
export * from './decline-reason.ts';
export * from './friction-ranking.ts';
export * from './friction-report.ts';
export * from './period.ts';
export * from './request-answers.ts';
export * from './satisfaction-signal.ts';
export * from './satisfaction-summary.ts';
