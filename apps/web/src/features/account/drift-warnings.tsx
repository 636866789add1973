import { Empty, QueryView } from '@steadfast/ui';
import { Panel } from '../../components/page-header.tsx';
import { useDrift } from './use-account.ts';

/** Kinds of work where delivery ran so far ahead that the client now expects the faster pace. */
export function DriftWarnings({ accountId }: { accountId: string }) {
  const drift = useDrift(accountId);
  return (
    <Panel title="Expectation drift" id="drift">
      <QueryView
        query={drift}
        loadingLabel="Checking for drift…"
        isEmpty={(kinds) => kinds.every((kind) => !kind.drifted)}
        empty={
          <Empty title="No drift.">
            Delivery has not run far enough ahead of the promise for the client to expect a faster
            pace.
          </Empty>
        }
      >
        {(kinds) => (
          <ul className="item-list">
            {kinds
              .filter((kind) => kind.drifted)
              .map((kind) => (
                <li key={kind.kind} className="warn-item">
                  <strong>{kind.kind}</strong>: {kind.aheadCount} of the last {kind.considered} were
                  delivered well ahead of the promise.{' '}
                  {'explanation' in kind && typeof kind.explanation === 'string'
                    ? kind.explanation
                    : 'An on-time delivery may now disappoint.'}
                </li>
              ))}
          </ul>
        )}
      </QueryView>
    </Panel>
  );
}
