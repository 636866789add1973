import { useParams } from '@tanstack/react-router';
import { AccountHeader } from '../features/account/account-header.tsx';
import { AccountTrust } from '../features/account/account-trust.tsx';
import { CharterPanel } from '../features/account/charter-panel.tsx';
import { DriftWarnings } from '../features/account/drift-warnings.tsx';
import { PromiseTimeline } from '../features/account/promise-timeline.tsx';
import { TouchpointsList } from '../features/account/touchpoints-list.tsx';
import { leadershipRoles, useSession } from '../features/auth/use-session.ts';
import { TrustTrendChart } from '../features/portfolio/trust-trend-chart.tsx';

export function AccountRoute() {
  const { accountId } = useParams({ from: '/app/accounts/$accountId' });
  const role = useSession().data?.role;
  // Trends across time are a leadership read; a manager sees the breakdown and the timeline.
  const mayTrend = role !== undefined && leadershipRoles.includes(role);
  return (
    <>
      <AccountHeader accountId={accountId} />
      <div className="grid">
        <AccountTrust accountId={accountId} />
        <div className="stack">
          {mayTrend ? <TrustTrendChart accountId={accountId} /> : null}
          <DriftWarnings accountId={accountId} />
          <TouchpointsList accountId={accountId} />
        </div>
        <CharterPanel accountId={accountId} />
        <PromiseTimeline accountId={accountId} />
      </div>
    </>
  );
}
