import type { TokenScope } from '@steadfast/domain';
import { Empty, QueryView } from '@steadfast/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { formatDay } from '../../components/format.ts';
import { Panel } from '../../components/page-header.tsx';
import { useTRPC } from '../../trpc.ts';
import { refusalOf } from './field-errors.ts';

/** What each scope lets an integration do; the type makes a new scope show up here or fail to compile. */
const scopeMeanings = {
  'accounts:read': 'read accounts and charters',
  'promises:read': 'read promises and requests',
  'promises:write': 'make promises and record their events',
  'observations:write': 'post charter observations and satisfaction',
  'scores:read': 'read trust scores, compliance and drift',
  'webhooks:manage': 'manage its own webhooks',
} satisfies Record<TokenScope, string>;
const scopes = Object.keys(scopeMeanings) as TokenScope[];

/** Integration tokens: who may call the API without a person, with which scopes; revoke in place. */
export function TokensAdmin() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const tokens = useQuery(trpc.token.list.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.token.list.queryKey() });
  const create = useMutation(trpc.token.create.mutationOptions({ onSuccess: refresh }));
  const revoke = useMutation(trpc.token.revoke.mutationOptions({ onSuccess: refresh }));
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState<TokenScope[]>(['scores:read']);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ name, scopes: chosen });
  };
  return (
    <div className="grid">
      <Panel title="Integration tokens" id="tokens" wide>
        <QueryView
          query={tokens}
          loadingLabel="Loading tokens…"
          isEmpty={(list) => list.length === 0}
          empty={<Empty title="No token yet." />}
        >
          {(list) => (
            <table className="data-table">
              <caption className="visually-hidden">Integration tokens</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Scopes</th>
                  <th scope="col">Created</th>
                  <th scope="col">Last used</th>
                  <th scope="col">State</th>
                </tr>
              </thead>
              <tbody>
                {list.map((token) => (
                  <tr key={token.id}>
                    <th scope="row">{token.name}</th>
                    <td>{token.scopes.join(', ')}</td>
                    <td>{formatDay(token.createdAt)}</td>
                    <td>{formatDay(token.lastUsedAt)}</td>
                    <td>
                      {token.revokedAt === null ? (
                        <button
                          type="button"
                          className="sf-button"
                          onClick={() => revoke.mutate({ id: token.id })}
                          aria-label={`Revoke ${token.name}`}
                        >
                          Revoke
                        </button>
                      ) : (
                        <span className="tag">revoked {formatDay(token.revokedAt)}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </QueryView>
      </Panel>
      <Panel title="New token" id="new-token">
        <form className="stack-form" onSubmit={submit}>
          <label>
            Name (which system uses it)
            <input required value={name} onChange={(event) => setName(event.target.value)} />
          </label>
          <fieldset>
            <legend>Scopes</legend>
            {scopes.map((scope) => (
              <label key={scope} className="check">
                <input
                  type="checkbox"
                  checked={chosen.includes(scope)}
                  onChange={(event) =>
                    setChosen(
                      event.target.checked
                        ? [...chosen, scope]
                        : chosen.filter((kept) => kept !== scope),
                    )
                  }
                />
                <code>{scope}</code> — {scopeMeanings[scope]}
              </label>
            ))}
          </fieldset>
          <p className="form-error" role="alert">
            {refusalOf(create.error)}
          </p>
          <button type="submit" className="primary" disabled={create.isPending}>
            Create token
          </button>
          {create.data === undefined ? null : (
            <div className="secret" role="status">
              Copy this secret now; it is shown once: <code>{create.data.secret}</code>
            </div>
          )}
        </form>
      </Panel>
    </div>
  );
}
