import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { problemOf } from '../../api/errors.ts';
import { useTRPC } from '../../api/trpc.ts';
import { useDesktop } from '../../desktop-context.tsx';
import { formatMoment } from '../../ui/format.ts';
import { NoticeLine } from '../../ui/notice-line.tsx';
import { Overlay } from '../../ui/overlay.tsx';
import type { PromiseSummary } from '../today/today-sections.ts';
import {
  composeNoticeText,
  type NoticeParts,
  plainNoticeParts,
  withApology,
  withOfferedAlternatives,
} from './notice-text.ts';

type Channel = 'email' | 'phone' | 'meeting' | 'chat' | 'letter' | 'other';

/**
 * Tell the customer early: the drafted notice (what happened, a realistic new date, alternatives,
 * an apology), editable; copied or opened in the mail client; then recorded as "customer informed".
 */
export function SlipNotice(props: {
  promise: PromiseSummary;
  onClose: () => void;
  onDone: (words: string) => void;
}) {
  const { promise } = props;
  const trpc = useTRPC();
  const desktop = useDesktop();
  const queryClient = useQueryClient();
  const review = useQuery(trpc.risk.review.queryOptions({ id: promise.id }));
  const account = useQuery(trpc.account.get.queryOptions({ id: promise.accountId }));
  const contact = account.data?.contacts.find((c) => c.id === promise.contactId) ?? null;

  const [subject, setSubject] = useState('');
  const [text, setText] = useState('');
  const [alternatives, setAlternatives] = useState<{ words: string; offered: boolean }[]>([]);
  const [apologised, setApologised] = useState(true);
  const [channel, setChannel] = useState<Channel>('email');
  const [handedOver, setHandedOver] = useState<string | null>(null);
  const [parts, setParts] = useState<NoticeParts | null>(null);
  const me = useQuery(trpc.auth.me.queryOptions());

  useEffect(() => {
    if (parts !== null || review.data === undefined || account.data === undefined) return;
    if (me.data === undefined) return;
    const drafted =
      review.data.notice ??
      plainNoticeParts({
        title: promise.title,
        dueWords: formatMoment(promise.dueDeadline),
        contactName: contact?.name ?? null,
      });
    setParts(drafted);
    setSubject(drafted.subject);
    setText(
      composeNoticeText(drafted, {
        offered: drafted.alternatives,
        apologised: true,
        signature: me.data?.name ?? '',
      }),
    );
    setAlternatives(drafted.alternatives.map((words) => ({ words, offered: true })));
  }, [parts, review.data, account.data, me.data, promise, contact]);

  const offer = (index: number, offered: boolean) => {
    const next = alternatives.map((a, i) => (i === index ? { ...a, offered } : a));
    setAlternatives(next);
    if (parts === null) return;
    const ticked = next.filter((a) => a.offered).map((a) => a.words);
    setText(withOfferedAlternatives(text, ticked, parts.closing));
  };
  const apologise = (yes: boolean) => {
    setApologised(yes);
    if (parts !== null) setText(withApology(text, parts, yes));
  };

  const inform = useMutation(
    trpc.promise.recordEvent.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.promise.pathKey() });
        props.onDone(`Recorded: customer informed about ${promise.title}`);
      },
    }),
  );
  const openMail = useMutation({
    mutationFn: () =>
      desktop.desktop.openMail.mutate({ to: contact?.email ?? null, subject, body: text }),
    onSuccess: () => setHandedOver('Opened in your mail client. Send it, then record it below.'),
  });

  const copy = async () => {
    await navigator.clipboard.writeText(`${subject}\n\n${text}`);
    setHandedOver('Copied. Paste it where you talk to the customer, then record it below.');
  };
  const record = () =>
    inform.mutate({
      promiseId: promise.id,
      expectedVersion: promise.version,
      event: {
        type: 'customer_informed',
        channel,
        alternativesOffered: alternatives.filter((a) => a.offered).map((a) => a.words),
        apologised,
        message: text,
      },
    });

  const assessment = review.data?.assessment;
  return (
    <Overlay title={`Tell the customer: ${promise.title}`} onClose={props.onClose} wide>
      {review.isPending && <p className="muted">Drafting the notice…</p>}
      {review.error && <NoticeLine tone="problem">{problemOf(review.error)}</NoticeLine>}
      {assessment && (
        <p className="muted" data-testid="risk-words">
          {review.data?.notice
            ? assessment.explanation
            : 'The record does not call this promise at risk; write what you know.'}
        </p>
      )}
      {parts !== null && (
        <div className="slip-notice">
          <div className="field">
            <label htmlFor="notice-subject">Subject</label>
            <input
              id="notice-subject"
              value={subject}
              onChange={(event) => setSubject(event.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="notice-text">
              Message
              {contact ? ` to ${contact.name}${contact.email ? ` <${contact.email}>` : ''}` : ''}
            </label>
            <textarea
              id="notice-text"
              value={text}
              rows={10}
              onChange={(event) => setText(event.target.value)}
            />
          </div>
          {alternatives.length > 0 && (
            <fieldset className="alternatives">
              <legend>Alternatives offered</legend>
              {alternatives.map((alternative, index) => (
                <label key={alternative.words} className="check">
                  <input
                    type="checkbox"
                    checked={alternative.offered}
                    onChange={(event) => offer(index, event.target.checked)}
                  />
                  {alternative.words}
                </label>
              ))}
            </fieldset>
          )}
          <div className="row">
            <label className="check">
              <input
                type="checkbox"
                checked={apologised}
                onChange={(event) => apologise(event.target.checked)}
              />
              We apologised
            </label>
            <label className="inline">
              Told by{' '}
              <select
                value={channel}
                onChange={(event) => setChannel(event.target.value as Channel)}
              >
                <option value="email">e-mail</option>
                <option value="phone">phone</option>
                <option value="meeting">meeting</option>
                <option value="chat">chat</option>
                <option value="letter">letter</option>
                <option value="other">other</option>
              </select>
            </label>
          </div>
          {handedOver && <NoticeLine tone="info">{handedOver}</NoticeLine>}
          {(inform.error ?? openMail.error) && (
            <NoticeLine tone="problem">{problemOf(inform.error ?? openMail.error)}</NoticeLine>
          )}
          <footer className="sheet-actions">
            <button type="button" onClick={() => void copy()}>
              Copy
            </button>
            <button type="button" onClick={() => openMail.mutate()} disabled={openMail.isPending}>
              Open in mail
            </button>
            <button type="button" className="primary" onClick={record} disabled={inform.isPending}>
              Record “customer informed”
            </button>
          </footer>
        </div>
      )}
    </Overlay>
  );
}
