import { Loading } from '@steadfast/ui';
import { useSearch } from '@tanstack/react-router';
import { lazy, type ReactNode, Suspense } from 'react';
import { PageHeader } from '../components/page-header.tsx';
import { RequireRole } from '../features/auth/require-role.tsx';
import { leadershipRoles } from '../features/auth/use-session.ts';
import { AtRiskList } from '../features/portfolio/at-risk-list.tsx';
import { CompanyTrustCard } from '../features/portfolio/company-trust-card.tsx';
import { RankingTable } from '../features/portfolio/ranking-table.tsx';

// The charts arrive in their own chunks: the trust card and the ranking are drawn without
// waiting for them (or for the charts' queries).
const TrustTrendChart = lazy(() =>
  import('../features/portfolio/trust-trend-chart.tsx').then((module) => ({
    default: module.TrustTrendChart,
  })),
);
const KindSlipsChart = lazy(() =>
  import('../features/portfolio/kind-slips-chart.tsx').then((module) => ({
    default: module.KindSlipsChart,
  })),
);

function ChartSlot({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <section className="panel" aria-label={title}>
          <Loading label={`Drawing ${title.toLowerCase()}…`} />
        </section>
      }
    >
      {children}
    </Suspense>
  );
}

export function PortfolioRoute() {
  const { ranking } = useSearch({ from: '/app/' });
  return (
    <RequireRole roles={leadershipRoles} needs="leaders and admins">
      <PageHeader title="Portfolio">
        Is the company trusted to keep its promises, and where does it slip?
      </PageHeader>
      <div className="grid">
        <CompanyTrustCard />
        <ChartSlot title="Trust over the last 12 months">
          <TrustTrendChart />
        </ChartSlot>
        <ChartSlot title="Which promise kinds slip">
          <KindSlipsChart />
        </ChartSlot>
        <AtRiskList />
        <RankingTable scope={ranking ?? 'account'} />
      </div>
    </RequireRole>
  );
}
