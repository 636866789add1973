import { NumberWithParts, QueryView } from '@steadfast/ui';
import { Panel } from '../../components/page-header.tsx';
import { TrustBreakdown } from './trust-breakdown.tsx';
import { useCompanyTrust } from './use-portfolio.ts';

const outcomeNames: Record<string, string> = {
  early: 'early',
  on_time: 'on time',
  late: 'late',
  renegotiated_kept: 'renegotiated and kept',
  missed: 'missed',
  released: 'released by the customer',
  cancelled: 'cancelled',
};

/** How far the company is trusted: the score, its interval, why, and the outcomes it rests on. */
export function CompanyTrustCard() {
  const trust = useCompanyTrust();
  return (
    <Panel title="Company trust" id="company-trust">
      <QueryView query={trust} loadingLabel="Scoring the company…">
        {({ score, outcomes }) => (
          <>
            <TrustBreakdown score={score} label="Company trust" />
            {outcomes === null ? null : (
              <p className="muted">
                Resting on{' '}
                <NumberWithParts
                  label="Closed promises"
                  value={`${Object.values(outcomes).reduce((sum, n) => sum + n, 0)} closed promises`}
                  parts={Object.entries(outcomes).map(([outcome, n]) => ({
                    label: outcomeNames[outcome] ?? outcome,
                    value: n,
                  }))}
                />
              </p>
            )}
          </>
        )}
      </QueryView>
    </Panel>
  );
}
