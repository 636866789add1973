import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { fieldProblem, problemOf } from '../../api/errors.ts';
import { useTRPC } from '../../api/trpc.ts';
import { NoticeLine } from '../../ui/notice-line.tsx';
import { Overlay } from '../../ui/overlay.tsx';
import { CharterAtHand } from '../accounts/charter-at-hand.tsx';
import { DueField } from './due-field.tsx';
import {
  type Importance,
  importanceChoices,
  type PromiseKind,
  promiseKindChoices,
} from './promise-words.ts';
import { useResolvedDue } from './use-resolved-due.ts';

/**
 * Quick capture, for while the customer is on the phone: what, for whom, by when. The due is read
 * as it is typed and checked against the record before the promise is given.
 */
export function CaptureForm(props: {
  onClose: () => void;
  onCaptured: (title: string) => void;
  initialAccountId: string | null;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useQuery(trpc.auth.me.queryOptions());
  const accounts = useQuery(trpc.account.list.queryOptions({}));
  const [accountId, setAccountId] = useState<string | null>(props.initialAccountId);
  const [contactId, setContactId] = useState<string>('');
  const [kind, setKind] = useState<PromiseKind>('delivery');
  const [title, setTitle] = useState('');
  const [dueText, setDueText] = useState('');
  const [importance, setImportance] = useState<Importance>('normal');
  const [condition, setCondition] = useState('');
  const resolved = useResolvedDue(dueText, accountId);
  const account = useQuery({
    ...trpc.account.get.queryOptions({ id: accountId ?? '' }),
    enabled: accountId !== null,
  });

  useEffect(() => {
    if (accountId === null && accounts.data?.[0]) setAccountId(accounts.data[0].id);
  }, [accountId, accounts.data]);

  const create = useMutation(
    trpc.promise.create.mutationOptions({
      onSuccess: async (promise) => {
        await queryClient.invalidateQueries({ queryKey: trpc.promise.pathKey() });
        props.onCaptured(promise.terms.title);
      },
    }),
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (accountId === null || me.data == null || resolved.state !== 'ready') return;
    create.mutate({
      accountId,
      ownerId: me.data.id,
      contactId: contactId === '' ? null : contactId,
      kind,
      title,
      due: resolved.due,
      importance,
      condition: condition.trim() === '' ? null : condition,
    });
  };

  return (
    <Overlay title="Capture a promise" onClose={props.onClose} wide>
      <form className="capture" onSubmit={submit}>
        <div className="field">
          <label htmlFor="capture-title">What did you promise?</label>
          <input
            id="capture-title"
            value={title}
            onChange={(event) => setTitle(event.target.value)}
            placeholder="Send the revised quote for the spare parts"
            autoComplete="off"
          />
          {fieldProblem(create.error, 'title') && (
            <NoticeLine tone="problem">{fieldProblem(create.error, 'title')}</NoticeLine>
          )}
        </div>
        <div className="row">
          <div className="field">
            <label htmlFor="capture-account">To</label>
            <select
              id="capture-account"
              value={accountId ?? ''}
              onChange={(event) => {
                setAccountId(event.target.value);
                setContactId('');
              }}
            >
              {accounts.data?.map((choice) => (
                <option key={choice.id} value={choice.id}>
                  {choice.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="capture-contact">Contact</label>
            <select
              id="capture-contact"
              value={contactId}
              onChange={(event) => setContactId(event.target.value)}
            >
              <option value="">—</option>
              {account.data?.contacts.map((contact) => (
                <option key={contact.id} value={contact.id}>
                  {contact.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="capture-kind">Kind</label>
            <select
              id="capture-kind"
              value={kind}
              onChange={(event) => setKind(event.target.value as PromiseKind)}
            >
              {promiseKindChoices.map((choice) => (
                <option key={choice} value={choice}>
                  {choice}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="capture-importance">Importance</label>
            <select
              id="capture-importance"
              value={importance}
              onChange={(event) => setImportance(event.target.value as Importance)}
            >
              {importanceChoices.map((choice) => (
                <option key={choice} value={choice}>
                  {choice}
                </option>
              ))}
            </select>
          </div>
        </div>
        <DueField
          id="capture-due"
          label="By when?"
          text={dueText}
          onText={setDueText}
          resolved={resolved}
          accountId={accountId}
          kind={kind}
        />
        {accountId !== null && <CharterAtHand accountId={accountId} kind={kind} />}
        <div className="field">
          <label htmlFor="capture-condition">Provided that… (optional)</label>
          <input
            id="capture-condition"
            value={condition}
            onChange={(event) => setCondition(event.target.value)}
            placeholder="the customer sends the specs"
            autoComplete="off"
          />
        </div>
        {create.error && <NoticeLine tone="problem">{problemOf(create.error)}</NoticeLine>}
        {accounts.data?.length === 0 && (
          <NoticeLine tone="info">Add an account first (Accounts, then “New account”).</NoticeLine>
        )}
        <footer className="sheet-actions">
          <span className="muted">Enter to capture · Esc to close</span>
          <button
            type="submit"
            className="primary"
            disabled={create.isPending || resolved.state !== 'ready' || title.trim() === ''}
          >
            Capture promise
          </button>
        </footer>
      </form>
    </Overlay>
  );
}
