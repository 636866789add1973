import { QueryView } from '@steadfast/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { formatDay } from '../../components/format.ts';
import { Panel } from '../../components/page-header.tsx';
import { useTRPC } from '../../trpc.ts';
import { type Role, roleNames } from '../auth/use-session.ts';
import { refusalOf } from './field-errors.ts';

const roles: Role[] = ['account_manager', 'leader', 'admin'];

/** The people who use Steadfast, their roles (changed in place), and a form to add someone. */
export function UsersAdmin() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const users = useQuery(trpc.user.list.queryOptions());
  const teams = useQuery(trpc.team.list.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.user.list.queryKey() });
  const setRole = useMutation(trpc.user.setRole.mutationOptions({ onSuccess: refresh }));
  const create = useMutation(trpc.user.create.mutationOptions({ onSuccess: refresh }));
  const [draft, setDraft] = useState({
    name: '',
    email: '',
    role: 'account_manager' as Role,
    password: '',
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(draft, {
      onSuccess: () => setDraft({ name: '', email: '', role: 'account_manager', password: '' }),
    });
  };
  const teamNames = new Map((teams.data ?? []).map((team) => [team.id, team.name]));
  return (
    <div className="grid">
      <Panel title="People and roles" id="users" wide>
        <QueryView query={users} loadingLabel="Loading people…">
          {(list) => (
            <table className="data-table">
              <caption className="visually-hidden">People and their roles</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">E-mail</th>
                  <th scope="col">Team</th>
                  <th scope="col">Since</th>
                  <th scope="col">Role</th>
                </tr>
              </thead>
              <tbody>
                {list.map((user) => (
                  <tr key={user.id}>
                    <th scope="row">{user.name}</th>
                    <td>{user.email}</td>
                    <td>{user.teamId === null ? '—' : (teamNames.get(user.teamId) ?? '—')}</td>
                    <td>{formatDay(user.createdAt)}</td>
                    <td>
                      <select
                        aria-label={`Role of ${user.name}`}
                        value={user.role}
                        disabled={setRole.isPending}
                        onChange={(event) =>
                          setRole.mutate({ userId: user.id, role: event.target.value as Role })
                        }
                      >
                        {roles.map((role) => (
                          <option key={role} value={role}>
                            {roleNames[role]}
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
          {refusalOf(setRole.error)}
        </p>
      </Panel>
      <Panel title="Add a person" id="add-user">
        <form className="stack-form" onSubmit={submit}>
          <label>
            Name
            <input
              required
              value={draft.name}
              onChange={(event) => setDraft({ ...draft, name: event.target.value })}
            />
          </label>
          <label>
            E-mail
            <input
              type="email"
              required
              value={draft.email}
              onChange={(event) => setDraft({ ...draft, email: event.target.value })}
            />
          </label>
          <label>
            Role
            <select
              value={draft.role}
              onChange={(event) => setDraft({ ...draft, role: event.target.value as Role })}
            >
              {roles.map((role) => (
                <option key={role} value={role}>
                  {roleNames[role]}
                </option>
              ))}
            </select>
          </label>
          <label>
            First password
            <input
              type="password"
              autoComplete="new-password"
              required
              value={draft.password}
              onChange={(event) => setDraft({ ...draft, password: event.target.value })}
            />
          </label>
          <p className="form-error" role="alert">
            {refusalOf(create.error)}
          </p>
          <button type="submit" className="primary" disabled={create.isPending}>
            Add person
          </button>
          {create.isSuccess ? <p role="status">Added {create.data.name}.</p> : null}
        </form>
      </Panel>
    </div>
  );
}
