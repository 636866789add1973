import { useNavigate, useSearch } from '@tanstack/react-router';
import { LoginForm } from '../features/auth/login-form.tsx';

export function LoginRoute() {
  const { redirect } = useSearch({ from: '/login' });
  const navigate = useNavigate();
  return (
    <main className="login-page" id="main">
      <section className="login-card" aria-labelledby="login-title">
        <p className="brand">
          <span className="brand-mark" aria-hidden="true">
            ✓
          </span>
          Steadfast
        </p>
        <h1 id="login-title">Log in</h1>
        <p className="muted">
          Whether the company keeps its promises to customers, account by account.
        </p>
        <LoginForm
          onLoggedIn={(user) =>
            // Account managers have no portfolio to read: their start is their accounts.
            void navigate({
              href: redirect ?? (user?.role === 'account_manager' ? '/accounts' : '/'),
            })
          }
        />
      </section>
    </main>
  );
}
