import { useSearch } from '@tanstack/react-router';
import { PageHeader } from '../components/page-header.tsx';
import { RequireRole } from '../features/auth/require-role.tsx';
import { leadershipRoles } from '../features/auth/use-session.ts';
import { AtRiskList } from '../features/portfolio/at-risk-list.tsx';
import { CompanyTrustCard } from '../features/portfolio/company-trust-card.tsx';
import { KindSlipsChart } from '../features/portfolio/kind-slips-chart.tsx';
import { RankingTable } from '../features/portfolio/ranking-table.tsx';
import { TrustTrendChart } from '../features/portfolio/trust-trend-chart.tsx';

export function PortfolioRoute() {
  const { ranking } = useSearch({ from: '/app/' });
  return (
    <RequireRole roles={leadershipRoles} needs="leaders and admins">
      <PageHeader title="Portfolio">
        Is the company trusted to keep its promises, and where does it slip?
      </PageHeader>
      <div className="grid">
        <CompanyTrustCard />
        <TrustTrendChart />
        <KindSlipsChart />
        <AtRiskList />
        <RankingTable scope={ranking ?? 'account'} />
      </div>
    </RequireRole>
  );
}
