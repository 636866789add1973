import { QueryView } from '@steadfast/ui';
import { Link } from '@tanstack/react-router';
import { formatDay, words } from '../../components/format.ts';
import { useAccount } from './use-account.ts';

/** The account's name, stage and tier, and the way back to the list. */
export function AccountHeader({ accountId }: { accountId: string }) {
  const account = useAccount(accountId);
  return (
    <header className="page-header">
      <p className="crumbs">
        <Link to="/accounts">Accounts</Link> /
      </p>
      <QueryView query={account} loadingLabel="Loading the account…">
        {({ account: found, contacts }) => (
          <>
            <h1>{found.name}</h1>
            <p className="muted">
              <span className="tag">{words(found.stage)}</span>{' '}
              <span className="tag">{found.tier}</span> customer since {found.customerSince ?? '—'}{' '}
              · {found.timeZone} · created {formatDay(found.createdAt)}
              {contacts.length === 0 ? '' : ` · ${contacts.length} contacts`}
            </p>
          </>
        )}
      </QueryView>
    </header>
  );
}
