import { Empty, QueryView } from '@steadfast/ui';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { formatDay, words } from '../../components/format.ts';
import { Panel } from '../../components/page-header.tsx';
import { useTRPC } from '../../trpc.ts';
import { useServiceGaps } from '../gaps/use-service-gaps.ts';

/** How many of each list the page shows first, and at most once asked for all. */
const firstRows = 50;
const allRows = 500;

function ShowAll(props: { more: boolean; onShowAll: () => void; what: string }) {
  if (!props.more) return null;
  return (
    <button type="button" className="sf-button" onClick={props.onShowAll}>
      Show more {props.what}
    </button>
  );
}

/** Charter reviews that are overdue, longest first, and served accounts with no charter at all. */
export function CharterReviewList() {
  const trpc = useTRPC();
  const [limit, setLimit] = useState(firstRows);
  const reviews = useQuery({
    ...trpc.charter.overdueReviews.queryOptions({ limit }),
    placeholderData: keepPreviousData,
  });
  const showAll = () => setLimit(allRows);
  return (
    <>
      <Panel title="Reviews overdue" id="reviews-overdue">
        <QueryView
          query={reviews}
          loadingLabel="Finding overdue reviews…"
          isEmpty={(found) => found.overdue.length === 0}
          empty={<Empty title="Every charter review is on time." />}
        >
          {(found) => (
            <>
              <ul className="item-list">
                {found.overdue.map((review) => (
                  <li key={review.accountId}>
                    <Link to="/accounts/$accountId" params={{ accountId: review.accountId }}>
                      {review.accountName}
                    </Link>{' '}
                    <span className="tag bad">{review.daysOverdue} days overdue</span>
                    <div className="muted">
                      due {formatDay(review.nextReviewAt)} · last reviewed{' '}
                      {formatDay(review.lastReviewedAt)} · version {review.currentVersion}
                    </div>
                  </li>
                ))}
              </ul>
              <ShowAll more={found.moreOverdue} onShowAll={showAll} what="overdue reviews" />
            </>
          )}
        </QueryView>
      </Panel>
      <Panel title="Missing charters" id="missing-charters">
        <QueryView
          query={reviews}
          loadingLabel="Finding accounts without a charter…"
          isEmpty={(found) => found.withoutCharter.length === 0}
          empty={<Empty title="Every served account has a charter." />}
        >
          {(found) => (
            <>
              <ul className="item-list">
                {found.withoutCharter.map((account) => (
                  <li key={account.accountId}>
                    <Link to="/accounts/$accountId" params={{ accountId: account.accountId }}>
                      {account.accountName}
                    </Link>{' '}
                    <span className="tag">{words(account.stage)}</span>
                  </li>
                ))}
              </ul>
              <ShowAll
                more={found.moreWithoutCharter}
                onShowAll={showAll}
                what="accounts without a charter"
              />
            </>
          )}
        </QueryView>
      </Panel>
    </>
  );
}

/** Charter terms nobody can check (vague wording) or nobody measured, and charters without the client's words. */
export function UnmeasurableTerms() {
  const gaps = useServiceGaps();
  return (
    <Panel title="Unmeasurable or unmeasured terms" id="unmeasurable" wide>
      <QueryView query={gaps} loadingLabel="Checking the terms…">
        {({ gaps: found }) => {
          const standards = found.find((gap) => gap.area === 'standards');
          const knowledge = found.find((gap) => gap.area === 'knowledge');
          const withoutWords = (knowledge?.accounts ?? []).filter((account) =>
            account.note.includes('client'),
          );
          const terms = standards?.accounts ?? [];
          if (terms.length === 0 && withoutWords.length === 0) {
            return (
              <Empty title="Every charter term is measurable and measured, in the client's own words." />
            );
          }
          return (
            <>
              {standards === undefined ? null : <p>{standards.words}</p>}
              <ul className="item-list">
                {terms.map((term) => (
                  <li key={`${term.accountId}-${term.note}`}>
                    <Link to="/accounts/$accountId" params={{ accountId: term.accountId }}>
                      {term.accountName}
                    </Link>
                    : {words(term.note)}
                  </li>
                ))}
                {withoutWords.map((account) => (
                  <li key={`${account.accountId}-words`}>
                    <Link to="/accounts/$accountId" params={{ accountId: account.accountId }}>
                      {account.accountName}
                    </Link>
                    : {account.note}
                  </li>
                ))}
              </ul>
            </>
          );
        }}
      </QueryView>
    </Panel>
  );
}
