import type { Role } from '../auth/use-session.ts';

/** A page in the navigation and the roles that may open it. */
export interface NavItem {
  to: '/' | '/accounts' | '/charters' | '/gaps' | '/friction' | '/attention' | '/admin';
  label: string;
  roles: readonly Role[];
}

const leadership: readonly Role[] = ['leader', 'admin'];

export const navItems: readonly NavItem[] = [
  { to: '/', label: 'Portfolio', roles: leadership },
  { to: '/accounts', label: 'Accounts', roles: ['leader', 'admin', 'account_manager'] },
  { to: '/charters', label: 'Charters', roles: leadership },
  { to: '/gaps', label: 'Service-quality gaps', roles: leadership },
  { to: '/friction', label: 'Friction', roles: leadership },
  { to: '/attention', label: 'Attention', roles: leadership },
  { to: '/admin', label: 'Admin', roles: ['admin'] },
];

/** The pages a role may open: the rest are left out of its navigation. */
export function navFor(role: Role): NavItem[] {
  return navItems.filter((item) => item.roles.includes(role));
}
