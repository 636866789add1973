import { useSearch } from '@tanstack/react-router';
import { PageHeader } from '../components/page-header.tsx';
import { AdminTabs } from '../features/admin/admin-tabs.tsx';
import { RequireRole } from '../features/auth/require-role.tsx';
import { adminRoles } from '../features/auth/use-session.ts';

export function AdminRoute() {
  const { tab } = useSearch({ from: '/app/admin' });
  return (
    <RequireRole roles={adminRoles} needs="admins">
      <PageHeader title="Admin">
        People, roles, teams, integration tokens, scoring settings and the audit trail.
      </PageHeader>
      <AdminTabs current={tab ?? 'users'} />
    </RequireRole>
  );
}
