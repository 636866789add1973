import { Link } from '@tanstack/react-router';
import type { AdminTab } from '../../router.tsx';
import { AuditAdmin } from './audit-admin.tsx';
import { SettingsAdmin } from './settings-admin.tsx';
import { TeamsAdmin } from './teams-admin.tsx';
import { TokensAdmin } from './tokens-admin.tsx';
import { UsersAdmin } from './users-admin.tsx';

const tabs: { tab: AdminTab; label: string }[] = [
  { tab: 'users', label: 'Users and roles' },
  { tab: 'teams', label: 'Teams' },
  { tab: 'tokens', label: 'Tokens' },
  { tab: 'settings', label: 'Settings' },
  { tab: 'audit', label: 'Audit trail' },
];

/** The admin's sections, each at its own address (/admin?tab=settings) so it can be shared. */
export function AdminTabs({ current }: { current: AdminTab }) {
  return (
    <>
      <nav className="tabs page-tabs" aria-label="Admin sections">
        {tabs.map(({ tab, label }) => (
          <Link
            key={tab}
            to="/admin"
            search={{ tab }}
            className={tab === current ? 'tab active' : 'tab'}
            aria-current={tab === current ? 'page' : undefined}
          >
            {label}
          </Link>
        ))}
      </nav>
      {current === 'users' ? <UsersAdmin /> : null}
      {current === 'teams' ? <TeamsAdmin /> : null}
      {current === 'tokens' ? <TokensAdmin /> : null}
      {current === 'settings' ? <SettingsAdmin /> : null}
      {current === 'audit' ? <AuditAdmin /> : null}
    </>
  );
}
