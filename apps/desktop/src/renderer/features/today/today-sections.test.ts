import { describe, expect, it } from 'vitest';
import { type PromiseSummary, todaySections } from './today-sections.ts';

const promise = (id: string): PromiseSummary => ({ id }) as PromiseSummary;
const ids = (sections: ReturnType<typeof todaySections>) =>
  Object.fromEntries(sections.map((section) => [section.key, section.promises.map((p) => p.id)]));

describe("today's sections", () => {
  it('shows each promise once: due today first, then at risk, then overdue', () => {
    const sections = todaySections({
      dueToday: [promise('today-and-at-risk'), promise('today')],
      atRisk: [promise('today-and-at-risk'), promise('late-and-at-risk'), promise('at-risk')],
      overdue: [promise('late-and-at-risk'), promise('late')],
    });
    expect(ids(sections)).toEqual({
      due_today: ['today-and-at-risk', 'today'],
      at_risk: ['late-and-at-risk', 'at-risk'],
      overdue: ['late'],
    });
  });
});
