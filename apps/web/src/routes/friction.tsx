import { PageHeader } from '../components/page-header.tsx';
import { RequireRole } from '../features/auth/require-role.tsx';
import { leadershipRoles } from '../features/auth/use-session.ts';
import { FrictionRanking } from '../features/friction/friction-ranking.tsx';

export function FrictionRoute() {
  return (
    <RequireRole roles={leadershipRoles} needs="leaders and admins">
      <PageHeader title="Friction">
        Which of our own policies get in customers' way, and how badly.
      </PageHeader>
      <FrictionRanking />
    </RequireRole>
  );
}
