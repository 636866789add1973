import { Empty, formatPercent, NumberWithParts, QueryView } from '@steadfast/ui';
import { formatDay, words } from '../../components/format.ts';
import { Panel } from '../../components/page-header.tsx';
import { useCharter, useCompliance } from './use-account.ts';

/**
 * The account's service charter: each term as agreed beside what the client said they wanted,
 * how it was negotiated, and how it was kept over the last 90 days.
 */
export function CharterPanel({ accountId }: { accountId: string }) {
  const charter = useCharter(accountId);
  const compliance = useCompliance(accountId);
  return (
    <Panel title="Service charter" id="charter" wide>
      <QueryView
        query={charter}
        loadingLabel="Loading the charter…"
        isEmpty={(found) => found.charter === null}
        empty={
          <Empty title="No service charter yet.">
            Agreeing one with the client is the first step to knowing what good service means to
            them.
          </Empty>
        }
      >
        {({ charter: current }) => {
          if (current === null) return null;
          const byTerm = new Map((compliance.data?.terms ?? []).map((term) => [term.termId, term]));
          return (
            <>
              <p className="muted">
                Version {current.current.version}, agreed {formatDay(current.current.createdAt)},
                reviewed every {current.current.reviewEveryMonths} months, next review{' '}
                {formatDay(current.head.nextReviewAt)}
                {current.reviewOverdue ? <span className="tag bad">review overdue</span> : null}
              </p>
              {compliance.data === undefined ? null : <p>{compliance.data.explanation}</p>}
              <table className="data-table">
                <caption className="visually-hidden">Charter terms with compliance</caption>
                <thead>
                  <tr>
                    <th scope="col">Term</th>
                    <th scope="col">Agreed</th>
                    <th scope="col">Client said</th>
                    <th scope="col">Kept (90 days)</th>
                  </tr>
                </thead>
                <tbody>
                  {current.current.terms.map((term) => {
                    const kept = byTerm.get(term.id);
                    return (
                      <tr key={term.id}>
                        <th scope="row">{term.name ?? words(term.metric)}</th>
                        <td>
                          {term.description ?? ''}
                          <div className="muted">
                            {term.target === null
                              ? `at most ${term.quantityTarget?.atMost} ${term.quantityTarget?.unit}`
                              : `${Math.round(term.threshold * 100)}% within ${term.target.amount} ${words(term.target.unit)}`}
                          </div>
                          {term.negotiation === null ? null : (
                            <div className="muted">
                              Asked “{term.negotiation.clientAsked}”, agreed “
                              {term.negotiation.agreed}”: {term.negotiation.reason}
                            </div>
                          )}
                        </td>
                        <td>
                          {term.clientExpectation?.statement ?? (
                            <span className="muted">not recorded</span>
                          )}
                        </td>
                        <td>
                          {kept === undefined ? (
                            <span className="muted">—</span>
                          ) : (
                            <>
                              <NumberWithParts
                                label={`Compliance with ${words(term.metric)}`}
                                value={formatPercent(kept.share)}
                                formula={kept.explanation}
                                parts={[
                                  { label: 'observations', value: kept.observed },
                                  { label: 'within target', value: kept.withinTarget },
                                  { label: 'agreed share', value: formatPercent(kept.threshold) },
                                ]}
                              />{' '}
                              <span
                                className={`tag ${kept.status === 'met' ? 'ok' : kept.status === 'breached' ? 'bad' : ''}`}
                              >
                                {words(kept.status)}
                              </span>
                            </>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </>
          );
        }}
      </QueryView>
    </Panel>
  );
}
