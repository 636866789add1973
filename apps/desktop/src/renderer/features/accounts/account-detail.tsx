import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../api/trpc.ts';
import { formatDay, formatDeadline } from '../../ui/format.ts';
import { termWords } from './term-words.ts';

/** One client at hand: the service charter agreed, how far they can trust us, and the record. */
export function AccountDetail(props: { accountId: string }) {
  const trpc = useTRPC();
  const account = useQuery(trpc.account.get.queryOptions({ id: props.accountId }));
  const charter = useQuery(trpc.charter.get.queryOptions({ accountId: props.accountId }));
  const trust = useQuery(trpc.trust.account.queryOptions({ accountId: props.accountId }));
  const history = useQuery(
    trpc.promise.list.queryOptions({ accountId: props.accountId, view: 'all', limit: 500 }),
  );
  const current = charter.data?.charter ?? null;
  const terms = current?.current.terms ?? [];
  const score = trust.data?.score;
  // The list comes soonest due first; the history reads most recent first.
  const recent = [...(history.data?.items ?? [])].reverse().slice(0, 30);

  return (
    <article className="account-detail">
      <header className="screen-header">
        <h1>{account.data?.account.name ?? '…'}</h1>
        <p className="muted">
          {account.data?.account.stage.replace('_', ' ')} · {account.data?.account.tier} ·{' '}
          {account.data?.contacts.map((contact) => contact.name).join(', ') || 'no contacts'}
        </p>
      </header>

      <section aria-label="Trust" className="panel">
        <h2>Trust</h2>
        {score ? (
          <>
            <p className="trust-score">
              <strong>{Math.round(score.score)}</strong>
              <span className="muted">
                {' '}
                / 100 (likely {Math.round(score.interval.low)}–{Math.round(score.interval.high)})
              </span>
            </p>
            <ul className="breakdown">
              {score.components.map((component) => (
                <li key={component.name}>
                  <strong className="component-name">{component.name}</strong>{' '}
                  {Math.round(component.contribution)} pts — {component.explanation}
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p className="empty">{trust.isPending ? 'Loading…' : 'No trust score yet.'}</p>
        )}
      </section>

      <section aria-label="Service charter" className="panel">
        <h2>Service charter</h2>
        {current && (
          <p className={current.reviewOverdue ? 'notice notice-warning' : 'muted'}>
            Version {current.current.version} · next review {formatDay(current.head.nextReviewAt)}
            {current.reviewOverdue && ': overdue, agree it again with the client'}
          </p>
        )}
        {terms.length === 0 ? (
          <p className="empty">
            No charter yet: ask the client what good service looks like, and agree it in measurable
            terms.
          </p>
        ) : (
          <ul className="charter-terms">
            {terms.map((term) => (
              <li key={term.id}>
                {termWords(term)}
                {term.clientExpectation && (
                  <span className="muted"> · they said: “{term.clientExpectation.statement}”</span>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-label="History" className="panel">
        <h2>History</h2>
        {recent.length === 0 && !history.isPending && (
          <p className="empty">No promises yet: press c to capture the first one.</p>
        )}
        <ul className="history">
          {recent.map((promise) => (
            <li key={promise.id}>
              <span className={`status status-${promise.status}`}>
                {promise.status.replace('_', ' ')}
              </span>{' '}
              {promise.title}{' '}
              <span className="muted">
                due {formatDeadline(promise.dueDeadline)}
                {promise.fulfilledAt && `, kept ${formatDay(promise.fulfilledAt)}`}
              </span>
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}
