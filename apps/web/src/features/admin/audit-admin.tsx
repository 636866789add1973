import { Empty, QueryView } from '@steadfast/ui';
import { useQuery } from '@tanstack/react-query';
import { Panel } from '../../components/page-header.tsx';
import { useTRPC } from '../../trpc.ts';

/** The audit trail, newest first: who did what, when, and the versions it moved. */
export function AuditAdmin() {
  const trpc = useTRPC();
  const audit = useQuery(trpc.audit.list.queryOptions({ limit: 100 }));
  const users = useQuery(trpc.user.list.queryOptions());
  const names = new Map((users.data ?? []).map((user) => [user.id, user.name]));
  return (
    <Panel title="Audit trail (latest 100)" id="audit" wide>
      <QueryView
        query={audit}
        loadingLabel="Loading the audit trail…"
        isEmpty={(list) => list.length === 0}
        empty={<Empty title="Nothing has been changed yet." />}
      >
        {(entries) => (
          <div className="table-scroll">
            <table className="data-table">
              <caption className="visually-hidden">Audit trail</caption>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Who</th>
                  <th scope="col">What</th>
                  <th scope="col">Entity</th>
                  <th scope="col">Version</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((entry) => (
                  <tr key={entry.id}>
                    <td>{new Date(entry.at).toLocaleString('en-GB')}</td>
                    <td>
                      {entry.actorType === 'user'
                        ? (names.get(entry.actorId ?? '') ?? 'a person')
                        : entry.actorType === 'token'
                          ? `token ${entry.actorId ?? ''}`
                          : 'nobody logged in'}
                    </td>
                    <td>
                      <code>{entry.action}</code>
                    </td>
                    <td className="muted">{entry.entityId ?? '—'}</td>
                    <td>
                      {entry.versionBefore ?? '—'} → {entry.versionAfter ?? '—'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryView>
    </Panel>
  );
}
