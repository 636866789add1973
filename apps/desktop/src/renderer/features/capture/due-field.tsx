import type { RouterInputs } from '@steadfast/api';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../api/trpc.ts';
import { formatDue, formatFromNow } from '../../ui/format.ts';
import { NoticeLine } from '../../ui/notice-line.tsx';
import type { ResolvedDue } from './use-resolved-due.ts';

type PromiseKind = RouterInputs['calibration']['check']['kind'];

/**
 * The due as typed, and underneath, while typing: the date it means, what the record says about
 * such promises ("80% of deliveries for this account took ≤ 7 business days") and a warning when
 * the date is tighter than that.
 */
export function DueField(props: {
  id: string;
  label: string;
  text: string;
  onText: (text: string) => void;
  resolved: ResolvedDue;
  accountId: string | null;
  kind: PromiseKind;
  /** When the clock starts for this due (a renegotiation counts from the promise's start). */
  clockStart?: string;
}) {
  const { resolved } = props;
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        value={props.text}
        onChange={(event) => props.onText(event.target.value)}
        placeholder="Fri 3pm · in 10 business days · between Mon and Wed"
        autoComplete="off"
      />
      <p className="due-reading" data-testid="due-reading">
        {resolved.state === 'empty' && 'Say when: a day, a time, a window, or business days.'}
        {resolved.state === 'unreadable' &&
          'Not a date I can read yet: try “Fri 3pm”, “in 10 business days”, “between Mon and Wed”.'}
        {resolved.state === 'counting' && 'Counting business days in the account’s calendar…'}
        {resolved.state === 'ready' && (
          <>
            → <strong>{formatDue(resolved.due)}</strong>{' '}
            <span className="muted">({formatFromNow(resolved.deadline)})</span>
          </>
        )}
      </p>
      {props.accountId !== null && (
        <RecordSays
          accountId={props.accountId}
          kind={props.kind}
          proposedDue={resolved.state === 'ready' ? resolved.deadline : undefined}
          clockStart={props.clockStart}
        />
      )}
    </div>
  );
}

/**
 * The domain's warning repeats the record sentence shown just above it; below it, only what is
 * new is said: "You are proposing 3 business days: … the chance of keeping it is 20%."
 */
export function warningAfterRecord(warning: string, recordWords: string): string {
  const record = recordWords.replace(/\.$/, '');
  if (record === '' || !warning.startsWith(record)) return warning;
  const rest = warning.slice(record.length).replace(/^[;:,]\s*/, '');
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

function RecordSays(props: {
  accountId: string;
  kind: PromiseKind;
  proposedDue: string | undefined;
  clockStart: string | undefined;
}) {
  const trpc = useTRPC();
  const proposedAfterStart =
    props.proposedDue !== undefined &&
    Date.parse(props.proposedDue) > Date.parse(props.clockStart ?? new Date().toISOString());
  const check = useQuery({
    ...trpc.calibration.check.queryOptions({
      accountId: props.accountId,
      kind: props.kind,
      proposedDue: proposedAfterStart ? props.proposedDue : undefined,
      clockStart: props.clockStart,
    }),
    placeholderData: keepPreviousData,
  });
  if (check.data === undefined) return null;
  const { quantiles, proposal } = check.data;
  const level = proposal?.requiredChance ?? 0.8;
  const record = quantiles.find((quantile) => quantile.level === level) ?? quantiles[0];
  return (
    <div className="record" aria-live="polite">
      {record && (
        <p className="record-says" data-testid="record-says">
          {record.words}
        </p>
      )}
      {proposal?.verdict === 'tighter_than_record' && (
        <NoticeLine tone="warning" testId="calibration-warning">
          Tighter than the record: {warningAfterRecord(proposal.warning ?? '', record?.words ?? '')}
        </NoticeLine>
      )}
      {proposal?.verdict === 'supported' && (
        <NoticeLine tone="done" testId="calibration-ok">
          {proposal.summary}
        </NoticeLine>
      )}
    </div>
  );
}
