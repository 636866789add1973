import { PageHeader } from '../components/page-header.tsx';
import { AttentionView } from '../features/attention/attention-view.tsx';
import { RequireRole } from '../features/auth/require-role.tsx';
import { leadershipRoles } from '../features/auth/use-session.ts';

export function AttentionRoute() {
  return (
    <RequireRole roles={leadershipRoles} needs="leaders and admins">
      <PageHeader title="Attention">
        Who neglects existing clients while chasing new ones, and who saves great service for a
        crisis.
      </PageHeader>
      <AttentionView />
    </RequireRole>
  );
}
