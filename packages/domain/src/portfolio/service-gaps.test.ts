import { describe, expect, it } from 'vitest';
import { type ServiceGapFacts, serviceQualityGaps, unmeasurableReason } from './service-gaps.ts';

const account = (n: number) => ({ accountId: `a${n}`, accountName: `Account ${n}` });
const term = (overrides: Partial<ServiceGapFacts['terms'][number]> = {}) => ({
  ...account(1),
  termId: 't1',
  metric: 'first_response_time',
  description: 'We reply within 4 business hours',
  observations: 12,
  ...overrides,
});

const facts = (overrides: Partial<ServiceGapFacts> = {}): ServiceGapFacts => ({
  servedAccounts: 10,
  withoutCharter: [],
  withoutClientExpectation: [],
  overdueReviews: [],
  terms: [term()],
  compliance: [{ ...account(1), share: 0.95 }],
  outcomes: { keptOnTime: 95, closed: 100 },
  captures: { proposed: 20, tighterThanRecord: 0 },
  slips: { total: 5, announced: 5 },
  satisfaction: { scored: 4, normalisedSum: 3.8 },
  ...overrides,
});

const gap = (input: ServiceGapFacts, area: string) =>
  serviceQualityGaps(input).find((found) => found.area === area);

describe('serviceQualityGaps', () => {
  it('finds no gap where every area is measured and good', () => {
    expect(serviceQualityGaps(facts()).map((found) => found.status)).toEqual([
      'fine',
      'fine',
      'fine',
      'fine',
      'fine',
    ]);
  });

  it('counts accounts without a charter or without the client’s own words as unknown expectations', () => {
    const knowledge = gap(
      facts({
        withoutCharter: [account(2), account(3)],
        withoutClientExpectation: [account(4), account(2)],
      }),
      'knowledge',
    );
    expect(knowledge?.measure).toBe(0.7);
    expect(knowledge?.status).toBe('watch');
    expect(knowledge?.accounts.map((found) => found.accountId)).toEqual(['a2', 'a3', 'a4']);
  });

  it('watches knowledge when charter reviews are overdue even if every expectation is known', () => {
    const knowledge = gap(
      facts({ overdueReviews: [{ ...account(5), daysOverdue: 12 }] }),
      'knowledge',
    );
    expect(knowledge?.status).toBe('watch');
    expect(knowledge?.accounts[0]?.note).toBe('charter review 12 days overdue');
    expect(knowledge?.words).toContain('1 charter review is overdue');
  });

  it('calls a term unmeasurable when its wording is vague or it was never measured', () => {
    expect(unmeasurableReason(term({ description: 'We answer promptly' }))).toContain('"promptly"');
    expect(unmeasurableReason(term({ observations: 0 }))).toContain('never measured');
    expect(unmeasurableReason(term())).toBeNull();
    const standards = gap(facts({ terms: [term(), term({ observations: 0 })] }), 'standards');
    expect(standards?.measure).toBe(0.5);
    expect(standards?.status).toBe('gap');
  });

  it('judges delivery by the weaker of on-time share and charter compliance', () => {
    const delivery = gap(
      facts({
        compliance: [
          { ...account(1), share: 0.6 },
          { ...account(2), share: 1 },
        ],
      }),
      'delivery',
    );
    expect(delivery?.measure).toBe(0.8);
    expect(delivery?.accounts).toEqual([{ ...account(1), note: 'charter kept 60% of the time' }]);
  });

  it('sees silent slips and dates tighter than the record as a communication gap', () => {
    const communication = gap(
      facts({
        slips: { total: 10, announced: 4 },
        captures: { proposed: 10, tighterThanRecord: 1 },
      }),
      'communication',
    );
    expect(communication?.measure).toBe(0.4);
    expect(communication?.status).toBe('gap');
  });

  it('measures perception against delivery, and says so when nobody rated us', () => {
    expect(
      gap(facts({ satisfaction: { scored: 2, normalisedSum: 1 } }), 'perception')?.measure,
    ).toBeCloseTo(0.5 / 0.95);
    const unknown = gap(facts({ satisfaction: { scored: 0, normalisedSum: 0 } }), 'perception');
    expect(unknown?.status).toBe('unknown');
    expect(unknown?.words).toContain('not known');
  });
});
