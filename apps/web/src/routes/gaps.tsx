import { PageHeader } from '../components/page-header.tsx';
import { RequireRole } from '../features/auth/require-role.tsx';
import { leadershipRoles } from '../features/auth/use-session.ts';
import { ServiceGapsView } from '../features/gaps/service-gaps-view.tsx';

export function GapsRoute() {
  return (
    <RequireRole roles={leadershipRoles} needs="leaders and admins">
      <PageHeader title="Service-quality gaps">
        Where expectation and reality part over the last 90 days: knowledge, standards, delivery,
        communication, perception.
      </PageHeader>
      <ServiceGapsView />
    </RequireRole>
  );
}
