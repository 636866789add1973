import { Link } from '@tanstack/react-router';
import { type Role, roleNames } from './use-session.ts';

/** What a person sees on a page their role may not open (the API refuses it anyway). */
export function NotAllowed({ role, needs }: { role: Role; needs: string }) {
  return (
    <section className="not-allowed" aria-labelledby="not-allowed-title">
      <h1 id="not-allowed-title">Not allowed</h1>
      <p>
        This page is for {needs}. You are logged in as: {roleNames[role]}.
      </p>
      <p>
        {role === 'account_manager'
          ? 'Account managers work in the Steadfast desktop app.'
          : 'Ask an admin if you need something changed.'}{' '}
        <Link to="/">Back to the start</Link>
      </p>
    </section>
  );
}
