import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { problemOf } from '../../api/errors.ts';
import { useTRPC } from '../../api/trpc.ts';
import { NoticeLine } from '../../ui/notice-line.tsx';
import { useKeys } from '../../ui/use-keys.ts';
import { AccountDetail } from './account-detail.tsx';

/** The account manager's clients: pick one (j/k) to see its charter, trust and history. */
export function AccountsView(props: { keysEnabled: boolean }) {
  const trpc = useTRPC();
  const accounts = useQuery(trpc.account.list.queryOptions({}));
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const list = accounts.data ?? [];
  const index = Math.max(
    0,
    list.findIndex((account) => account.id === selectedId),
  );
  const selected = list[index] ?? null;
  const move = (step: number) => {
    const next = list[Math.min(list.length - 1, Math.max(0, index + step))];
    if (next) setSelectedId(next.id);
  };
  useKeys(
    { j: () => move(1), k: () => move(-1), ArrowDown: () => move(1), ArrowUp: () => move(-1) },
    props.keysEnabled,
  );

  return (
    <div className="split">
      <nav className="account-list" aria-label="Accounts">
        <header className="screen-header">
          <h1>Accounts</h1>
        </header>
        <ul>
          {list.map((account) => (
            <li key={account.id}>
              <button
                type="button"
                className={account.id === selected?.id ? 'account-link selected' : 'account-link'}
                onClick={() => setSelectedId(account.id)}
              >
                <span>{account.name}</span>
                <span className="muted">{account.stage.replace('_', ' ')}</span>
              </button>
            </li>
          ))}
        </ul>
        <NewAccount onCreated={setSelectedId} />
      </nav>
      <section className="account-pane">
        {selected ? (
          <AccountDetail accountId={selected.id} />
        ) : (
          <p className="empty">No accounts yet.</p>
        )}
      </section>
    </div>
  );
}

function NewAccount(props: { onCreated: (id: string) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useQuery(trpc.auth.me.queryOptions());
  const [name, setName] = useState('');
  const create = useMutation(
    trpc.account.create.mutationOptions({
      onSuccess: async (account) => {
        setName('');
        await queryClient.invalidateQueries({ queryKey: trpc.account.pathKey() });
        props.onCreated(account.id);
      },
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (me.data == null) return;
    create.mutate({
      name,
      ownerId: me.data.id,
      stage: 'active',
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    });
  };
  return (
    <form className="new-account" onSubmit={submit}>
      <label htmlFor="new-account">New account</label>
      <input
        id="new-account"
        value={name}
        onChange={(e) => setName(e.target.value)}
        placeholder="Client name"
      />
      {create.error && <NoticeLine tone="problem">{problemOf(create.error)}</NoticeLine>}
    </form>
  );
}
