import type { RouterOutputs } from '@steadfast/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { problemOf } from '../../api/errors.ts';
import { useTRPC } from '../../api/trpc.ts';
import { formatDue, formatMoment } from '../../ui/format.ts';
import { NoticeLine } from '../../ui/notice-line.tsx';
import { DueField } from '../capture/due-field.tsx';
import { parseDue } from '../capture/parse-due.ts';
import { useResolvedDue } from '../capture/use-resolved-due.ts';

type CustomerRequest = RouterOutputs['request']['list']['items'][number];
type Answer = 'accept' | 'counter' | 'decline';

/**
 * What customers asked for and nobody has answered yet. An unreasonable request gets dialogue,
 * not a blind yes: accept, counter with what we can do provided a condition is met, or decline
 * with the reason in plain words.
 */
export function RequestsView() {
  const trpc = useTRPC();
  const requests = useQuery(trpc.request.list.queryOptions({ status: 'open' }));
  const accounts = useQuery(trpc.account.list.queryOptions({}));
  const [answering, setAnswering] = useState<{ id: string; answer: Answer } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const accountName = (id: string) => accounts.data?.find((a) => a.id === id)?.name ?? '…';
  const items = requests.data?.items ?? [];

  return (
    <div className="requests">
      <header className="screen-header">
        <h1>Requests</h1>
        <p className="muted">
          {items.length === 0 ? 'No open requests.' : `${items.length} waiting for an answer`}
        </p>
      </header>
      {done && <NoticeLine tone="done">{done}</NoticeLine>}
      <ul className="request-list">
        {items.map((request) => (
          <li key={request.id} className="request">
            <div className="promise-main">
              <span className="promise-title">{request.title}</span>
              <span className="promise-meta">
                {accountName(request.accountId)} · {request.kind} · asked{' '}
                {formatMoment(request.askedAt)}
                {request.wantedBy && ` · wanted by ${formatDue(request.wantedBy)}`}
              </span>
              {request.details && <p className="muted">{request.details}</p>}
            </div>
            <div className="request-actions">
              {(['accept', 'counter', 'decline'] as const).map((answer) => (
                <button
                  key={answer}
                  type="button"
                  className={
                    answering?.id === request.id && answering.answer === answer ? 'selected' : ''
                  }
                  onClick={() => setAnswering({ id: request.id, answer })}
                >
                  {answer === 'accept' ? 'Accept' : answer === 'counter' ? 'Counter…' : 'Decline…'}
                </button>
              ))}
            </div>
            {answering?.id === request.id && (
              <AnswerForm
                request={request}
                answer={answering.answer}
                onDone={(words) => {
                  setAnswering(null);
                  setDone(words);
                }}
              />
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

function AnswerForm(props: {
  request: CustomerRequest;
  answer: Answer;
  onDone: (words: string) => void;
}) {
  const { request } = props;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [dueText, setDueText] = useState('');
  const [offer, setOffer] = useState('');
  const [condition, setCondition] = useState('');
  const [within, setWithin] = useState('10 business days');
  const [reason, setReason] = useState('');
  const resolved = useResolvedDue(dueText, request.accountId);
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.request.pathKey() });
    await queryClient.invalidateQueries({ queryKey: trpc.promise.pathKey() });
  };
  const target = { requestId: request.id, expectedVersion: request.version };
  const accept = useMutation(trpc.request.accept.mutationOptions({ onSuccess: refresh }));
  const counter = useMutation(trpc.request.counter.mutationOptions({ onSuccess: refresh }));
  const decline = useMutation(trpc.request.decline.mutationOptions({ onSuccess: refresh }));
  const error = accept.error ?? counter.error ?? decline.error;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (props.answer === 'accept') {
      const due = resolved.state === 'ready' ? resolved.due : undefined;
      accept.mutate(
        { ...target, due },
        { onSuccess: () => props.onDone(`Accepted: ${request.title}`) },
      );
    } else if (props.answer === 'counter') {
      const parsed = parseDue(within, new Date());
      const duration =
        parsed?.kind === 'business'
          ? { amount: parsed.amount, unit: parsed.unit }
          : { amount: 0, unit: 'business_days' as const };
      counter.mutate(
        { ...target, offer, condition, within: duration },
        { onSuccess: () => props.onDone(`Countered: ${request.title}`) },
      );
    } else {
      decline.mutate(
        { ...target, reason },
        { onSuccess: () => props.onDone(`Declined: ${request.title}`) },
      );
    }
  };

  return (
    <form className="answer-form" onSubmit={submit}>
      {props.answer === 'accept' && (
        <DueField
          id={`accept-due-${request.id}`}
          label={request.wantedBy ? 'Due (leave empty for when they wanted it)' : 'Due'}
          text={dueText}
          onText={setDueText}
          resolved={resolved}
          accountId={request.accountId}
          kind={request.kind}
        />
      )}
      {props.answer === 'counter' && (
        <>
          <div className="field">
            <label htmlFor={`offer-${request.id}`}>What we can do</label>
            <input
              id={`offer-${request.id}`}
              value={offer}
              onChange={(e) => setOffer(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={`condition-${request.id}`}>Provided that</label>
            <input
              id={`condition-${request.id}`}
              value={condition}
              onChange={(e) => setCondition(e.target.value)}
              placeholder="you send the signed specs"
            />
          </div>
          <div className="field">
            <label htmlFor={`within-${request.id}`}>Within (once that is done)</label>
            <input
              id={`within-${request.id}`}
              value={within}
              onChange={(e) => setWithin(e.target.value)}
            />
          </div>
        </>
      )}
      {props.answer === 'decline' && (
        <div className="field">
          <label htmlFor={`reason-${request.id}`}>The reason, as you tell the customer</label>
          <input
            id={`reason-${request.id}`}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </div>
      )}
      {error && <NoticeLine tone="problem">{problemOf(error)}</NoticeLine>}
      <button type="submit" className="primary">
        {props.answer === 'accept'
          ? 'Accept'
          : props.answer === 'counter'
            ? 'Send counter-offer'
            : 'Decline'}
      </button>
    </form>
  );
}
