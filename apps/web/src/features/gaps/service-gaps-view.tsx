import { formatPercent, NumberWithParts, QueryView } from '@steadfast/ui';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { BarChart } from '../../components/charts/bar-chart.tsx';
import { formatDay } from '../../components/format.ts';
import { Panel } from '../../components/page-header.tsx';
import { type ServiceGap, useAllGapAccounts, useServiceGaps } from './use-service-gaps.ts';

const areaNames: Record<ServiceGap['area'], string> = {
  knowledge: 'Knowledge',
  standards: 'Standards',
  delivery: 'Delivery',
  communication: 'Communication',
  perception: 'Perception',
};

const areaQuestions: Record<ServiceGap['area'], string> = {
  knowledge: 'Do we know what each client expects?',
  standards: 'Are the charter terms measurable, and measured?',
  delivery: 'Do we deliver what we agreed?',
  communication: 'Do we promise realistically and warn before slipping?',
  perception: 'Do clients feel the service we think we give?',
};

const statusColours: Record<ServiceGap['status'], string> = {
  gap: '#d0523f',
  watch: '#e8a33d',
  fine: '#3f9d6b',
  unknown: '#9aa5b4',
};

const shownAtFirst = 8;

/** Every account a gap names, worst first, fetched a page at a time once asked for. */
function AllGapAccounts({ gap }: { gap: ServiceGap }) {
  const pages = useAllGapAccounts(gap.area);
  const accounts = pages.data?.pages.flatMap((page) => page.accounts) ?? [];
  return (
    <>
      <GapAccountList area={gap.area} accounts={accounts} />
      {pages.isPending ? <p className="muted">Loading all {gap.accountCount}…</p> : null}
      {pages.isError ? (
        <p className="muted">Could not load the rest: {pages.error.message}</p>
      ) : null}
      {pages.hasNextPage ? (
        <button
          type="button"
          className="sf-button"
          disabled={pages.isFetchingNextPage}
          onClick={() => void pages.fetchNextPage()}
        >
          {pages.isFetchingNextPage
            ? 'Loading…'
            : `Show more (${accounts.length} of ${gap.accountCount})`}
        </button>
      ) : null}
    </>
  );
}

function GapAccountList({
  area,
  accounts,
}: {
  area: ServiceGap['area'];
  accounts: ServiceGap['accounts'];
}) {
  return (
    <ul className="item-list compact" id={`gap-${area}-accounts`}>
      {accounts.map((account) => (
        <li key={`${account.accountId}-${account.note}`}>
          <Link to="/accounts/$accountId" params={{ accountId: account.accountId }}>
            {account.accountName}
          </Link>
          : {account.note}
        </li>
      ))}
    </ul>
  );
}

/**
 * The accounts behind a gap: how many, the first few (in the gap's order: the lowest charter
 * compliance first for delivery) from the dashboard's answer,
 * and all of them a button away (read a page at a time, as a gap may name thousands).
 */
function GapAccounts({ gap }: { gap: ServiceGap }) {
  const [all, setAll] = useState(false);
  if (gap.accountCount === 0) return null;
  return (
    <>
      <p className="muted">
        {gap.accountCount} {gap.accountCount === 1 ? 'account' : 'accounts'}
      </p>
      {all ? (
        <AllGapAccounts gap={gap} />
      ) : (
        <GapAccountList area={gap.area} accounts={gap.accounts.slice(0, shownAtFirst)} />
      )}
      {gap.accountCount > shownAtFirst ? (
        <button
          type="button"
          className="sf-button"
          aria-expanded={all}
          aria-controls={`gap-${gap.area}-accounts`}
          onClick={() => setAll((was) => !was)}
        >
          {all ? 'Show fewer' : `Show all ${gap.accountCount}`}
        </button>
      ) : null}
    </>
  );
}

/** The five gaps as bars (1 = no gap), then each with its parts and the accounts behind it. */
export function ServiceGapsView() {
  const gaps = useServiceGaps();
  return (
    <QueryView query={gaps} loadingLabel="Measuring the gaps…">
      {({ gaps: found, asOf }) => (
        <div className="grid">
          <Panel title="The five gaps at a glance" id="gaps-chart" wide>
            <BarChart
              testId="gaps-chart"
              label={`Each gap's measure, where 100% is no gap: ${found
                .map(
                  (gap) =>
                    `${areaNames[gap.area]} ${gap.measure === null ? 'not measured' : formatPercent(gap.measure)}`,
                )
                .join(', ')}`}
              rows={found.map((gap) => ({
                category: areaNames[gap.area],
                values: {
                  measure: gap.measure === null ? 0 : Math.round(gap.measure * 1000) / 10,
                },
                colour: statusColours[gap.status],
              }))}
              series={[{ key: 'measure', name: 'measure', colour: statusColours.unknown }]}
              layout="columns"
              height={220}
              domain={[0, 100]}
              formatTick={(value) => `${value}%`}
              referenceLines={[
                { value: 90, colour: '#3f9d6b' },
                { value: 70, colour: '#d0523f' },
              ]}
              describe={(row, _series, piece) => `${row.category}: ${piece.value}%, no gap at 100%`}
            />
            <p className="muted">
              Below 70% is a gap (red line), below 90% worth watching (green line). Worked out{' '}
              {formatDay(asOf)} at {asOf.slice(11, 16)} UTC (the last 90 days are worked out
              hourly).
            </p>
          </Panel>
          {found.map((gap) => (
            <Panel key={gap.area} title={areaNames[gap.area]} id={`gap-${gap.area}`}>
              <p className="muted">{areaQuestions[gap.area]}</p>
              <p className="gap-headline">
                <span className={`status-dot ${gap.status}`} aria-hidden="true" />
                <NumberWithParts
                  label={`${areaNames[gap.area]} measure`}
                  value={formatPercent(gap.measure)}
                  formula={gap.words}
                  parts={gap.parts.map((part) => ({
                    label: part.label,
                    value: Number.isInteger(part.value) ? part.value : part.value.toFixed(2),
                  }))}
                />
                <span
                  className={`tag ${gap.status === 'fine' ? 'ok' : gap.status === 'gap' ? 'bad' : gap.status === 'watch' ? 'warn' : ''}`}
                >
                  {gap.status}
                </span>
              </p>
              <p>{gap.words}</p>
              <GapAccounts gap={gap} />
            </Panel>
          ))}
        </div>
      )}
    </QueryView>
  );
}
