import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { problemOf } from '../../api/errors.ts';
import { useTRPC } from '../../api/trpc.ts';
import { formatMoment } from '../../ui/format.ts';
import { NoticeLine } from '../../ui/notice-line.tsx';
import { Overlay } from '../../ui/overlay.tsx';
import { DueField } from '../capture/due-field.tsx';
import { useResolvedDue } from '../capture/use-resolved-due.ts';
import type { PromiseSummary } from './today-sections.ts';

/** Agree a new due with the customer: the new date (checked against the record) and why. */
export function RenegotiateForm(props: {
  promise: PromiseSummary;
  onClose: () => void;
  onDone: (words: string) => void;
}) {
  const { promise } = props;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [dueText, setDueText] = useState('');
  const [reason, setReason] = useState('');
  const resolved = useResolvedDue(dueText, promise.accountId);
  const renegotiate = useMutation(
    trpc.promise.recordEvent.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.promise.pathKey() });
        props.onDone(`Renegotiated: ${promise.title}`);
      },
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (resolved.state !== 'ready') return;
    renegotiate.mutate({
      promiseId: promise.id,
      expectedVersion: promise.version,
      event: { type: 'renegotiated', newDue: resolved.due, reason },
    });
  };
  return (
    <Overlay title={`Renegotiate: ${promise.title}`} onClose={props.onClose}>
      <form onSubmit={submit}>
        <p className="muted">Due now {formatMoment(promise.dueDeadline)}.</p>
        <DueField
          id="renegotiate-due"
          label="New due, as agreed with the customer"
          text={dueText}
          onText={setDueText}
          resolved={resolved}
          accountId={promise.accountId}
          kind={promise.kind}
          clockStart={promise.clockStartedAt ?? promise.madeAt}
        />
        <div className="field">
          <label htmlFor="renegotiate-reason">Why</label>
          <input
            id="renegotiate-reason"
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            placeholder="The supplier delivers the parts a week late"
          />
        </div>
        {renegotiate.error && (
          <NoticeLine tone="problem">{problemOf(renegotiate.error)}</NoticeLine>
        )}
        <footer className="sheet-actions">
          <span className="muted">Enter to save · Esc to close</span>
          <button
            type="submit"
            className="primary"
            disabled={resolved.state !== 'ready' || renegotiate.isPending}
          >
            Save new due
          </button>
        </footer>
      </form>
    </Overlay>
  );
}
