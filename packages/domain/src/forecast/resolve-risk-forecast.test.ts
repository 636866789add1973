import { describe, expect, it } from 'vitest';
import {
  aRiskForecast,
  closedUnfulfilledFacts,
  deliveredFacts,
  openFacts,
} from '../__tests__/forecast-builders.ts';
import { resolveRiskForecast } from './resolve-risk-forecast.ts';

// Due Monday 9 March 2026, 17:00 UTC.
const forecast = aRiskForecast();

describe('resolving a risk forecast', () => {
  it('resolves to 1 when the promise was fulfilled by its due, at the due included', () => {
    expect(resolveRiskForecast(forecast, deliveredFacts(900)).outcome).toBe(1);
    const atDue = deliveredFacts(2000, { at: '2026-03-09T17:00:00.000Z' });
    expect(resolveRiskForecast(forecast, atDue).outcome).toBe(1);
  });

  it('resolves to 0 when it was fulfilled after the due, even if a renegotiated due was kept', () => {
    const renegotiatedKept = deliveredFacts(3000, { at: '2026-03-10T10:00:00.000Z' });
    expect(resolveRiskForecast(forecast, renegotiatedKept)).toMatchObject({
      verdict: 'miss',
      outcome: 0,
    });
  });

  it('resolves a missed promise to 0', () => {
    expect(resolveRiskForecast(forecast, closedUnfulfilledFacts('missed', 100)).outcome).toBe(0);
  });

  it('resolves a promise still open after its due to 0, and keeps one not yet due pending', () => {
    expect(resolveRiskForecast(forecast, openFacts(5000)).outcome).toBe(0);
    expect(resolveRiskForecast(forecast, openFacts(100, '2026-03-05T09:00:00.000Z'))).toMatchObject(
      { verdict: 'pending', outcome: null },
    );
  });

  it('counts a promise delivered early only once its due has passed', () => {
    const early = { ...deliveredFacts(900), asOf: '2026-03-06T09:00:00.000Z' };
    expect(resolveRiskForecast(forecast, early)).toMatchObject({
      verdict: 'pending',
      outcome: null,
    });
  });

  it('cannot resolve a promise released or cancelled before its due', () => {
    for (const status of ['released', 'cancelled'] as const) {
      const resolution = resolveRiskForecast(forecast, closedUnfulfilledFacts(status, 100));
      expect(resolution).toMatchObject({ verdict: 'unresolvable', outcome: null });
      expect(resolution.why).toContain('before its due');
    }
  });

  it('resolves a promise cancelled after its due without fulfilment to 0: it was broken by then', () => {
    const late = closedUnfulfilledFacts('cancelled', 3000, '2026-03-12T10:00:00.000Z');
    expect(resolveRiskForecast(forecast, late).outcome).toBe(0);
  });

  it('notes a forecast made at or after the due', () => {
    const atDue = aRiskForecast({
      madeAt: '2026-03-09T17:00:00.000Z',
      chance: 0,
      basis: 'overdue',
    });
    expect(resolveRiskForecast(atDue, null).madeAfterDue).toBe(true);
    expect(resolveRiskForecast(forecast, null).madeAfterDue).toBe(false);
  });
});
