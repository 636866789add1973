import { Empty, QueryView } from '@steadfast/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Panel } from '../../components/page-header.tsx';
import { useTRPC } from '../../trpc.ts';
import { refusalOf } from './field-errors.ts';

/** Teams of account managers (trust is also scored per team) and who is in which. */
export function TeamsAdmin() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const teams = useQuery(trpc.team.list.queryOptions());
  const users = useQuery(trpc.user.list.queryOptions());
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.team.list.queryKey() });
    await queryClient.invalidateQueries({ queryKey: trpc.user.list.queryKey() });
  };
  const create = useMutation(trpc.team.create.mutationOptions({ onSuccess: refresh }));
  const assign = useMutation(trpc.team.assign.mutationOptions({ onSuccess: refresh }));
  const [name, setName] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ name }, { onSuccess: () => setName('') });
  };
  const managers = (users.data ?? []).filter((user) => user.role === 'account_manager');
  return (
    <div className="grid">
      <Panel title="Who is in which team" id="team-members" wide>
        <QueryView
          query={teams}
          loadingLabel="Loading teams…"
          isEmpty={(list) => list.length === 0}
          empty={<Empty title="No team yet." />}
        >
          {(list) => (
            <table className="data-table">
              <caption className="visually-hidden">Account managers and their teams</caption>
              <thead>
                <tr>
                  <th scope="col">Account manager</th>
                  <th scope="col">Team</th>
                </tr>
              </thead>
              <tbody>
                {managers.map((user) => (
                  <tr key={user.id}>
                    <th scope="row">{user.name}</th>
                    <td>
                      <select
                        aria-label={`Team of ${user.name}`}
                        value={user.teamId ?? ''}
                        disabled={assign.isPending}
                        onChange={(event) =>
                          assign.mutate({
                            userId: user.id,
                            teamId: event.target.value === '' ? null : event.target.value,
                          })
                        }
                      >
                        <option value="">No team</option>
                        {list.map((team) => (
                          <option key={team.id} value={team.id}>
                            {team.name}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </QueryView>
        <p className="form-error" role="alert">
          {refusalOf(assign.error)}
        </p>
      </Panel>
      <Panel title="New team" id="new-team">
        <form className="stack-form" onSubmit={submit}>
          <label>
            Team name
            <input required value={name} onChange={(event) => setName(event.target.value)} />
          </label>
          <p className="form-error" role="alert">
            {refusalOf(create.error)}
          </p>
          <button type="submit" className="primary" disabled={create.isPending}>
            Create team
          </button>
        </form>
      </Panel>
    </div>
  );
}
