import { Empty, QueryView } from '@steadfast/ui';
import { formatDay, words } from '../../components/format.ts';
import { Panel } from '../../components/page-header.tsx';
import { useTouchpoints } from './use-account.ts';

/** Relationship moments for the account: suggested, done or dismissed. */
export function TouchpointsList({ accountId }: { accountId: string }) {
  const touchpoints = useTouchpoints(accountId);
  return (
    <Panel title="Touchpoints" id="touchpoints">
      <QueryView
        query={touchpoints}
        loadingLabel="Loading touchpoints…"
        isEmpty={(page) => page.items.length === 0}
        empty={<Empty title="No touchpoint yet." />}
      >
        {(page) => (
          <ul className="item-list">
            {page.items.map((touchpoint) => (
              <li key={touchpoint.id}>
                <div>
                  <strong>{words(touchpoint.kind)}</strong>{' '}
                  <span
                    className={`tag ${touchpoint.status === 'done' ? 'ok' : touchpoint.status === 'suggested' ? 'warn' : ''}`}
                  >
                    {touchpoint.status}
                  </span>
                </div>
                <div className="muted">
                  {touchpoint.status === 'done'
                    ? `done ${formatDay(touchpoint.doneAt)}`
                    : `due ${formatDay(touchpoint.dueAt)}`}
                  {touchpoint.reason === null ? '' : ` · ${touchpoint.reason}`}
                </div>
              </li>
            ))}
          </ul>
        )}
      </QueryView>
    </Panel>
  );
}
