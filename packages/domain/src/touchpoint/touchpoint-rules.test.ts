import { describe, expect, it } from 'vitest';
import { defaultTouchpointRules, touchpointRulesSchema } from './touchpoint-rules.ts';

describe('touchpointRulesSchema', () => {
  it('thanks high-importance deliveries for a week, celebrates from a week before to two weeks after, checks in after 45 days', () => {
    expect(defaultTouchpointRules).toEqual({
      thanksWithinDays: 7,
      thanksMinImportance: 'high',
      repeatMilestones: [3, 10, 25, 50, 100],
      anniversaryLeadDays: 7,
      anniversaryGraceDays: 14,
      neglectedAfterDays: 45,
    });
  });

  it('refuses milestones that do not increase, naming the field', () => {
    const result = touchpointRulesSchema.safeParse({ repeatMilestones: [10, 3] });
    expect(result.error?.issues.map((i) => [i.path, i.message])).toEqual([
      [['repeatMilestones'], 'must be increasing (e.g. [3, 10, 25])'],
    ]);
  });

  it('refuses a period that is not a whole number of days', () => {
    const result = touchpointRulesSchema.safeParse({ neglectedAfterDays: 0.5 });
    expect(result.error?.issues[0]?.path).toEqual(['neglectedAfterDays']);
    expect(touchpointRulesSchema.safeParse({ neglectedAfterDays: 0 }).success).toBe(false);
  });
});
