import { describe, expect, it } from 'vitest';
import { type KindOutcomeTally, rankKindsBySlip } from './kind-slips.ts';

const tally = (
  kind: KindOutcomeTally['kind'],
  counts: Partial<KindOutcomeTally>,
): KindOutcomeTally => ({
  kind,
  keptOnTime: 0,
  keptRenegotiated: 0,
  late: 0,
  missed: 0,
  announcedSlips: 0,
  ...counts,
});

describe('rankKindsBySlip', () => {
  it('counts renegotiated, late and missed promises as slips and ranks the most slipping kind first', () => {
    const ranked = rankKindsBySlip([
      tally('callback', { keptOnTime: 9, late: 1 }),
      tally('delivery', {
        keptOnTime: 6,
        keptRenegotiated: 1,
        late: 2,
        missed: 1,
        announcedSlips: 3,
      }),
    ]);

    expect(ranked.map((rate) => rate.kind)).toEqual(['delivery', 'callback']);
    expect(ranked[0]).toMatchObject({
      closed: 10,
      slips: 4,
      slipShare: 0.4,
      onTimeShare: 0.6,
      lateShare: 0.2,
      missedShare: 0.1,
      announcedShare: 0.75,
      words:
        '4 of 10 delivery promises slipped (40%); the customer was told first for 75% of them.',
    });
  });

  it('puts a kind with nothing closed last, with no shares rather than zeros', () => {
    const ranked = rankKindsBySlip([tally('quote', {}), tally('fix', { keptOnTime: 3 })]);

    expect(ranked.map((rate) => rate.kind)).toEqual(['fix', 'quote']);
    expect(ranked[1]).toMatchObject({ slipShare: null, announcedShare: null });
    expect(ranked[0]).toMatchObject({ slipShare: 0, announcedShare: null });
  });
});
