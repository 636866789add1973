import { describe, expect, it } from 'vitest';
import { berlinWithLunch } from '../calendar/calendar-fixtures.ts';
import { defectsTerm, firstResponseTerm, resolutionTerm } from './charter-fixtures.ts';
import { type CharterTermInput, charterTermInputSchema } from './charter-term.ts';
import { businessDayMinutes, describeTerm, termLimit } from './term-target.ts';
import { vagueWordsIn } from './vague-words.ts';

/** The issues `charterTermInputSchema` finds, as `{ "target": ["…"] }`. */
function issuesOf(input: unknown): Record<string, string[]> {
  const result = charterTermInputSchema.safeParse(input);
  if (result.success) return {};
  const byField: Record<string, string[]> = {};
  for (const issue of result.error.issues) {
    const field = issue.path.join('.');
    byField[field] = [...(byField[field] ?? []), issue.message];
  }
  return byField;
}

function parsed(input: CharterTermInput) {
  return { id: 'term-1', ...charterTermInputSchema.parse(input) };
}

describe('a measurable charter term', () => {
  it('accepts "95% within 4 business hours" and fills in the optional parts', () => {
    expect(charterTermInputSchema.parse(firstResponseTerm)).toEqual({
      metric: 'first_response_time',
      name: null,
      description: 'We reply to every ticket within 4 business hours',
      target: { amount: 4, unit: 'business_hours' },
      quantityTarget: null,
      threshold: 0.95,
      calendar: null,
      clientExpectation: null,
      negotiation: null,
    });
  });

  it('refuses "timely responses" with no target, saying how to make it measurable', () => {
    const issues = issuesOf({
      metric: 'first_response_time',
      description: 'Timely responses, and fast delivery ASAP',
      threshold: 0.95,
    });
    expect(Object.keys(issues)).toEqual(['target']);
    const [message] = issues.target ?? [];
    expect(message).toMatch(/^is not measurable: give a number and a unit, e\.g\./);
    expect(message).toContain('"reply within 4 business hours"');
    expect(message).toContain('"timely", "fast", "asap" cannot be measured');
  });

  it('requires a target even when the wording has no vague word in it', () => {
    const issues = issuesOf({ metric: 'resolution_time', threshold: 0.9 });
    expect(issues.target?.[0]).toMatch(/^is not measurable: give a number and a unit/);
    expect(issues.target?.[0]).toContain('"resolve within 3 business days"');
  });

  it('needs a name for a custom metric, and allows it a quantity target', () => {
    expect(issuesOf({ ...defectsTerm, name: null })).toEqual({
      name: ['is required for a custom metric: say what is measured, e.g. "defects per release"'],
    });
    expect(charterTermInputSchema.parse(defectsTerm).quantityTarget).toEqual({
      atMost: 2,
      unit: 'defects per release',
    });
  });

  it('keeps quantity targets to custom metrics, and one target per term', () => {
    expect(
      Object.keys(issuesOf({ ...firstResponseTerm, quantityTarget: { atMost: 2, unit: 'x' } })),
    ).toEqual(['quantityTarget']);
    expect(
      issuesOf({ ...defectsTerm, target: { amount: 1, unit: 'business_days' } }).quantityTarget,
    ).toEqual(['must not be given together with target: a term has one target']);
  });

  it('refuses a threshold that is not a share and a zero target', () => {
    expect(Object.keys(issuesOf({ ...firstResponseTerm, threshold: 95 }))).toEqual(['threshold']);
    expect(Object.keys(issuesOf({ ...firstResponseTerm, threshold: 0 }))).toEqual(['threshold']);
    expect(
      issuesOf({ ...firstResponseTerm, target: { amount: 0, unit: 'business_hours' } }),
    ).toEqual({ 'target.amount': ['must be more than 0'] });
    expect(
      Object.keys(issuesOf({ ...resolutionTerm, target: { amount: 1.5, unit: 'business_days' } })),
    ).toEqual(['target.amount']);
  });

  it('keeps the client’s own expectation and the negotiation beside what was agreed', () => {
    const term = charterTermInputSchema.parse({
      ...firstResponseTerm,
      clientExpectation: {
        statement: 'We expect an answer within the hour',
        target: { amount: 1, unit: 'business_hours' },
      },
      negotiation: {
        clientAsked: '1 business hour',
        agreed: '4 business hours, 95% of the time',
        reason: 'The support desk is staffed by two people',
      },
    });
    expect(term.clientExpectation).toEqual({
      statement: 'We expect an answer within the hour',
      target: { amount: 1, unit: 'business_hours' },
      quantityTarget: null,
    });
    expect(term.negotiation?.reason).toBe('The support desk is staffed by two people');
  });
});

describe('vague words', () => {
  it('finds the words that promise a feeling, each once, whole words only', () => {
    expect(vagueWordsIn('A prompt, PROMPT reply as soon as\npossible')).toEqual([
      'prompt',
      'as soon as possible',
    ]);
    expect(vagueWordsIn('Breakfast is served at 9 (steadfast service)')).toEqual([]);
  });
});

describe('a term’s target', () => {
  it('counts a business day as the calendar’s average working day', () => {
    expect(businessDayMinutes(berlinWithLunch)).toBe(450);
    const term = parsed(resolutionTerm);
    expect(termLimit(term, berlinWithLunch)).toEqual({ limit: 1350, unit: 'business_minutes' });
    expect(termLimit(parsed(defectsTerm), berlinWithLunch)).toEqual({
      limit: 2,
      unit: 'defects per release',
    });
  });

  it('says the term as the charter states it', () => {
    expect(describeTerm(parsed(firstResponseTerm))).toBe(
      'first response time: 95% within 4 business hours',
    );
    expect(
      describeTerm(parsed({ ...resolutionTerm, target: { amount: 1, unit: 'business_days' } })),
    ).toBe('resolution time: 90% within 1 business day');
    expect(describeTerm(parsed(defectsTerm))).toBe(
      'defects per release: 80% at most 2 defects per release',
    );
  });
});
