import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Charter, reviseCharter } from './charter.ts';
import { charterCompliance } from './charter-compliance.ts';
import {
  accountId,
  actorId,
  berlinOffice,
  defectsTerm,
  firstCharter,
  firstResponseTerm,
  resolutionTerm,
  termIds,
} from './charter-fixtures.ts';
import type { CharterObservation } from './charter-observation.ts';
import { observationVerdict } from './observation-verdict.ts';

const DAY = 86_400_000;
const start = Date.parse('2026-01-05T09:00:00.000Z');
const at = (ms: number) => new Date(ms).toISOString();

/** A charter of three terms, then up to three revisions that tighten or loosen their targets. */
function historyOf(revisions: { day: number; hours: number; days: number; atMost: number }[]) {
  const newTermId = termIds();
  let charter: Charter = firstCharter([firstResponseTerm, resolutionTerm, defectsTerm], {
    now: at(start),
    newTermId,
  });
  const versions = [charter.current];
  for (const [n, revision] of revisions.entries()) {
    const [first, second, third] = charter.current.terms;
    if (first === undefined || second === undefined || third === undefined) break;
    const { head, version } = reviseCharter(
      charter,
      {
        accountId,
        expectedVersion: n + 1,
        reviewEveryMonths: 6,
        changeNote: null,
        terms: [
          { ...first, target: { amount: revision.hours, unit: 'business_hours' } },
          { ...second, target: { amount: revision.days, unit: 'business_days' } },
          { ...third, quantityTarget: { atMost: revision.atMost, unit: 'defects per release' } },
        ],
      },
      { now: at(start + revision.day * DAY), actorId, newTermId, timeZone: 'Europe/Berlin' },
    );
    charter = { head, current: version };
    versions.push(version);
  }
  return versions;
}

const revisionArb = fc.record({
  day: fc.integer({ min: 1, max: 80 }),
  hours: fc.integer({ min: 1, max: 12 }),
  days: fc.integer({ min: 1, max: 5 }),
  atMost: fc.integer({ min: 0, max: 5 }),
});
const observationArb = fc.record({
  term: fc.integer({ min: 0, max: 2 }),
  // Some before the first version was saved, some after the last revision.
  day: fc.integer({ min: -10, max: 100 }),
  measure: fc.option(fc.double({ min: 0, max: 3000, noNaN: true }), { nil: null }),
});

describe('one observation’s verdict', () => {
  it('counted per term, gives the observed and within-target counts charterCompliance gives', () => {
    fc.assert(
      fc.property(
        fc
          .array(revisionArb, { maxLength: 3 })
          .map((list) => [...list].sort((a, b) => a.day - b.day)),
        fc.array(observationArb, { maxLength: 60 }),
        (revisions, drawn) => {
          const versions = historyOf(revisions);
          const terms = versions[0]?.terms ?? [];
          const observations = drawn.map((o, n): CharterObservation => {
            const term = terms[o.term];
            const quantity = term?.quantityTarget !== null;
            return {
              id: `o-${n}`,
              accountId,
              termId: term?.id ?? '',
              charterVersion: 1,
              reference: null,
              occurredAt: at(start + o.day * DAY + n * 60_000),
              startedAt: null,
              endedAt: null,
              businessMinutes: quantity ? null : o.measure,
              quantity: quantity ? (o.measure === null ? null : Math.round(o.measure / 500)) : null,
              note: null,
              recordedAt: at(start),
              recordedBy: null,
            };
          });
          const window = { from: at(start - 20 * DAY), to: at(start + 120 * DAY) };
          const compliance = charterCompliance({
            accountId,
            versions,
            observations,
            accountCalendar: berlinOffice,
            window,
          });
          for (const term of compliance.terms) {
            const verdicts = observations
              .filter((o) => o.termId === term.termId)
              .map((observation) =>
                observationVerdict({ observation, versions, accountCalendar: berlinOffice }),
              );
            const within = verdicts.filter((v) => v === 'within').length;
            const over = verdicts.filter((v) => v === 'over').length;
            expect(within + over).toBe(term.observed);
            expect(within).toBe(term.withinTarget);
            expect(verdicts).not.toContain('no_term');
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('is no_term for a term no version holds', () => {
    const versions = historyOf([]);
    expect(
      observationVerdict({
        observation: {
          termId: 'not-a-term',
          occurredAt: at(start),
          businessMinutes: 10,
          quantity: null,
        },
        versions,
        accountCalendar: berlinOffice,
      }),
    ).toBe('no_term');
  });
});
