// The touchpoints: this folder's public exports.
export { anniversaryDate, suggestAnniversary } from './anniversary.ts';
export { quietSince, suggestNeglectedCheckIn } from './neglect-rule.ts';
export { suggestedTouchpoint, suggestTouchpoints } from './suggest-touchpoints.ts';
export { suggestRepeatCustomerThanks, suggestThanksAfterFulfilment } from './thanks-rules.ts';
export * from './touchpoint.ts';
export * from './touchpoint-commands.ts';
export {
  existingCustomerStages,
  type FulfilledPromise,
  isMomentTaken,
  type TouchpointRuleInput,
} from './touchpoint-facts.ts';
export * from './touchpoint-rules.ts';
