import { QueryView, ScoreWithInterval } from '@steadfast/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { Panel } from '../../components/page-header.tsx';
import { useTRPC } from '../../trpc.ts';
import { fieldErrorsOf, refusalOf } from './field-errors.ts';

/** After a trust setting changes, the evidence is rebuilt in the background: watch the score this long. */
const watchAfterSaveMs = 60_000;

/**
 * The settings leaders ask about most — the trust half-life and the risk threshold — with the
 * company's trust beside them, so a change shows its effect once the evidence is rebuilt.
 */
export function SettingsAdmin() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const settings = useQuery(trpc.settings.analytics.queryOptions());
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const watching = savedAt !== null && now - savedAt < watchAfterSaveMs;
  const company = useQuery({
    ...trpc.trust.company.queryOptions(),
    refetchInterval: watching ? 2_000 : false,
  });
  useEffect(() => {
    if (!watching) return;
    const timer = setInterval(() => setNow(Date.now()), 2_000);
    return () => clearInterval(timer);
  }, [watching]);
  const update = useMutation(
    trpc.settings.updateAnalytics.mutationOptions({
      onSuccess: async () => {
        setSavedAt(Date.now());
        setNow(Date.now());
        await queryClient.invalidateQueries({ queryKey: trpc.settings.analytics.queryKey() });
        await queryClient.invalidateQueries(trpc.trust.pathFilter());
        await queryClient.invalidateQueries(trpc.portfolio.pathFilter());
      },
    }),
  );
  const [halfLife, setHalfLife] = useState('');
  const [threshold, setThreshold] = useState('');
  useEffect(() => {
    if (settings.data === undefined) return;
    setHalfLife(String(settings.data.settings.trust.halfLifeDays));
    setThreshold(String(Math.round(settings.data.settings.risk.atRiskBelow * 100)));
  }, [settings.data]);
  const errors = fieldErrorsOf(update.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (settings.data === undefined) return;
    update.mutate({
      expectedVersion: settings.data.version,
      patch: {
        trust: { halfLifeDays: Number(halfLife) },
        risk: { atRiskBelow: Number(threshold) / 100 },
      },
    });
  };
  return (
    <div className="grid">
      <Panel title="Scoring settings" id="settings">
        <QueryView query={settings} loadingLabel="Loading settings…">
          {({ version }) => (
            <form
              className="stack-form"
              onSubmit={submit}
              aria-describedby="settings-version"
              // The server states each rule and names the field it refuses; it is the one judge.
              noValidate
            >
              <p id="settings-version" className="muted">
                Version {version}. A change is kept in the audit trail.
              </p>
              <label>
                Trust half-life (days)
                <input
                  type="number"
                  name="halfLifeDays"
                  min={1}
                  value={halfLife}
                  onChange={(event) => setHalfLife(event.target.value)}
                  aria-invalid={errors['patch.trust.halfLifeDays'] !== undefined}
                />
                <span className="hint">
                  How fast an old outcome stops counting: after this many days it weighs half.
                </span>
              </label>
              <label>
                Risk threshold (%)
                <input
                  type="number"
                  name="atRiskBelow"
                  min={1}
                  max={99}
                  value={threshold}
                  onChange={(event) => setThreshold(event.target.value)}
                  aria-invalid={errors['patch.risk.atRiskBelow'] !== undefined}
                />
                <span className="hint">
                  An open promise is at risk when its chance of being kept on time falls below this.
                </span>
              </label>
              <p className="form-error" role="alert">
                {refusalOf(update.error)}
              </p>
              <button type="submit" className="primary" disabled={update.isPending}>
                {update.isPending ? 'Saving…' : 'Save settings'}
              </button>
              {update.isSuccess ? (
                <p role="status">Saved. Trust evidence is being rebuilt with the new half-life.</p>
              ) : null}
            </form>
          )}
        </QueryView>
      </Panel>
      <Panel title="Company trust with these settings" id="settings-effect">
        <QueryView query={company} loadingLabel="Scoring the company…">
          {({ score }) => (
            <div data-testid="settings-company-score">
              <ScoreWithInterval
                score={score.score}
                low={score.interval.low}
                high={score.interval.high}
                label="Company trust"
                size="large"
              />
              <p className="muted">
                {score.score.toFixed(1)} now
                {watching ? ' (refreshing while the evidence is rebuilt)' : ''}.
              </p>
            </div>
          )}
        </QueryView>
      </Panel>
    </div>
  );
}
