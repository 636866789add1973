import { ErrorState, Loading } from '@steadfast/ui';
import { Link, Outlet } from '@tanstack/react-router';
import { roleNames, useLogout, useSession } from '../auth/use-session.ts';
import { navFor } from './nav-items.ts';

/** The frame of every page once logged in: the navigation for one's role, who is here, the page. */
export function AppShell() {
  const session = useSession();
  const logout = useLogout();
  if (session.status === 'pending') return <Loading label="Checking who you are…" />;
  if (session.status === 'error') {
    return <ErrorState error={session.error} onRetry={() => void session.refetch()} />;
  }
  const user = session.data;
  // The route's guard sends nobody-logged-in to the login; a session that ends later lands here.
  if (user === null) {
    return (
      <p className="sf-state">
        Your session has ended. <a href="/login">Log in again</a>
      </p>
    );
  }
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to the page
      </a>
      <header className="topbar">
        <Link to="/" className="brand" aria-label="Steadfast, back to the start">
          <span className="brand-mark" aria-hidden="true">
            ✓
          </span>
          Steadfast
        </Link>
        <div className="who">
          <span>
            {user.name} <span className="role-badge">{roleNames[user.role]}</span>
          </span>
          <button type="button" className="link-button" onClick={() => logout.mutate()}>
            Log out
          </button>
        </div>
      </header>
      <nav className="sidebar" aria-label="Pages">
        <ul>
          {navFor(user.role).map((item) => (
            <li key={item.to}>
              <Link
                to={item.to}
                activeOptions={{ exact: item.to === '/' }}
                activeProps={{ className: 'active', 'aria-current': 'page' }}
              >
                {item.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" className="page" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
