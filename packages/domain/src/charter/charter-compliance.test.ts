import { describe, expect, it } from 'vitest';
import type { CharterVersion } from './charter.ts';
import { charterCompliance, complianceWindowSchema, versionInForce } from './charter-compliance.ts';
import {
  accountId,
  berlinOffice,
  defectsTerm,
  firstCharter,
  firstResponseTerm,
  resolutionTerm,
} from './charter-fixtures.ts';
import type { CharterObservation } from './charter-observation.ts';
import type { CharterTerm } from './charter-term.ts';

const charter = firstCharter([firstResponseTerm, resolutionTerm, defectsTerm], {
  now: '2026-01-05T09:00:00.000Z',
});
function threeTerms(terms: readonly CharterTerm[]): [CharterTerm, CharterTerm, CharterTerm] {
  const [first, second, third] = terms;
  if (first === undefined || second === undefined || third === undefined) {
    throw new Error('the fixture charter has three terms');
  }
  return [first, second, third];
}
const [response, resolution, defects] = threeTerms(charter.current.terms);
const window = { from: '2026-01-01T00:00:00.000Z', to: '2026-02-01T00:00:00.000Z' };

let next = 0;
function observed(
  termId: string,
  measured: { minutes?: number; quantity?: number },
  occurredAt = '2026-01-12T10:00:00.000Z',
): CharterObservation {
  next += 1;
  return {
    id: `observation-${next}`,
    accountId,
    termId,
    charterVersion: 1,
    reference: `REF-${next}`,
    occurredAt,
    startedAt: null,
    endedAt: null,
    businessMinutes: measured.minutes ?? null,
    quantity: measured.quantity ?? null,
    note: null,
    recordedAt: occurredAt,
    recordedBy: null,
  };
}

function compliance(
  observations: CharterObservation[],
  versions: CharterVersion[] = [charter.current],
) {
  return charterCompliance({
    accountId,
    versions,
    observations,
    accountCalendar: berlinOffice,
    window,
  });
}

describe('charter compliance', () => {
  it('counts 2 business hours (Friday 16:00 to Monday 10:00) within a 4-business-hour target', () => {
    const result = compliance([observed(response.id, { minutes: 120 })]);
    expect(result.terms[0]).toMatchObject({
      observed: 1,
      withinTarget: 1,
      share: 1,
      status: 'met',
      breaches: [],
    });
  });

  it('is breached when the share within target falls below the threshold, listing the breaches', () => {
    const within = Array.from({ length: 18 }, () => observed(response.id, { minutes: 200 }));
    const exactlyOnTarget = observed(response.id, { minutes: 240 });
    const late = observed(response.id, { minutes: 300 }, '2026-01-20T10:00:00.000Z');
    const result = compliance([late, ...within, exactlyOnTarget]);
    const term = result.terms[0];
    expect(term).toMatchObject({ observed: 20, withinTarget: 19, share: 0.95, status: 'met' });

    const secondLate = observed(response.id, { minutes: 241 }, '2026-01-13T10:00:00.000Z');
    const breached = compliance([late, ...within, exactlyOnTarget, secondLate]).terms[0];
    expect(breached).toMatchObject({ observed: 21, withinTarget: 19, status: 'breached' });
    expect(breached?.breaches).toEqual([
      expect.objectContaining({ observationId: secondLate.id, measured: 241, limit: 240, over: 1 }),
      expect.objectContaining({
        observationId: late.id,
        measured: 300,
        over: 60,
        unit: 'business_minutes',
      }),
    ]);
    expect(breached?.explanation).toBe(
      'first response time: 95% within 4 business hours: 19 of 21 observations within target (90.5%), below the 95% agreed: breached.',
    );
  });

  it('converts business days by the calendar’s working day and compares quantities as counts', () => {
    const result = compliance([
      observed(resolution.id, { minutes: 3 * 480 }),
      observed(resolution.id, { minutes: 3 * 480 + 1 }),
      observed(defects.id, { quantity: 2 }),
      observed(defects.id, { quantity: 3 }),
    ]);
    expect(result.terms.map((term) => [term.withinTarget, term.observed])).toEqual([
      [0, 0],
      [1, 2],
      [1, 2],
    ]);
    expect(result.terms[2]?.breaches[0]).toMatchObject({
      measured: 3,
      limit: 2,
      unit: 'defects per release',
    });
  });

  it('counts only observations inside [from, to)', () => {
    const result = compliance([
      observed(response.id, { minutes: 500 }, window.from),
      observed(response.id, { minutes: 500 }, window.to),
      observed(response.id, { minutes: 500 }, '2025-12-31T23:59:59.999Z'),
    ]);
    expect(result.terms[0]?.observed).toBe(1);
  });

  it('averages the terms’ shares for the whole charter, each measured term counting once', () => {
    const result = compliance([
      ...Array.from({ length: 9 }, () => observed(response.id, { minutes: 60 })),
      observed(response.id, { minutes: 600 }),
      observed(defects.id, { quantity: 5 }),
    ]);
    expect(result.share).toBeCloseTo((0.9 + 0) / 2, 12);
    expect(result.pooledShare).toBeCloseTo(9 / 11, 12);
    expect(result).toMatchObject({
      termsMet: 0,
      termsBreached: 2,
      termsWithoutData: 1,
      observed: 11,
    });
    expect(result.explanation).toBe(
      '0 of 2 measured terms met; the mean share within target is 45% (90%, 0%).',
    );
  });

  it('has no share when nothing was observed', () => {
    expect(compliance([])).toMatchObject({ share: null, pooledShare: null, termsWithoutData: 3 });
  });

  it('holds each observation to the term as agreed when it happened', () => {
    const tightened: CharterVersion = {
      ...charter.current,
      version: 2,
      createdAt: '2026-01-15T09:00:00.000Z',
      terms: [{ ...response, target: { amount: 1, unit: 'business_hours' } }],
    };
    const result = compliance(
      [
        observed(response.id, { minutes: 120 }, '2026-01-12T10:00:00.000Z'),
        observed(response.id, { minutes: 120 }, '2026-01-16T10:00:00.000Z'),
      ],
      [tightened, charter.current],
    );
    expect(result.version).toBe(2);
    expect(result.terms).toHaveLength(1);
    expect(result.terms[0]).toMatchObject({ observed: 2, withinTarget: 1 });
    expect(versionInForce([tightened, charter.current], '2026-01-14T00:00:00.000Z')?.version).toBe(
      1,
    );
    expect(versionInForce([tightened, charter.current], '2025-01-01T00:00:00.000Z')?.version).toBe(
      1,
    );
  });

  it('wants a window that ends after it starts', () => {
    const result = complianceWindowSchema.safeParse({ from: window.to, to: window.from });
    expect(result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'))).toEqual([
      'to',
    ]);
  });
});
