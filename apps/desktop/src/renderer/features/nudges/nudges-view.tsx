import type { RouterOutputs } from '@steadfast/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { problemOf } from '../../api/errors.ts';
import { useTRPC } from '../../api/trpc.ts';
import { formatDay } from '../../ui/format.ts';
import { NoticeLine } from '../../ui/notice-line.tsx';

type Touchpoint = RouterOutputs['touchpoint']['list']['items'][number];

const kindWords: Record<Touchpoint['kind'], string> = {
  thank_you_after_fulfilment: 'Say thank you',
  repeat_customer_thanks: 'Thank a repeat customer',
  referral: 'Send a referral their way',
  anniversary: 'Anniversary',
  neglected_check_in: 'Check in',
};

/** Small, genuine gestures suggested from the record: thank-yous, anniversaries, quiet accounts. */
export function NudgesView() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const touchpoints = useQuery(trpc.touchpoint.list.queryOptions({ status: 'suggested' }));
  const accounts = useQuery(trpc.account.list.queryOptions({}));
  const [done, setDone] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.touchpoint.pathKey() });
  const complete = useMutation(trpc.touchpoint.complete.mutationOptions({ onSuccess: refresh }));
  const dismiss = useMutation(trpc.touchpoint.dismiss.mutationOptions({ onSuccess: refresh }));
  const accountName = (id: string) => accounts.data?.find((a) => a.id === id)?.name ?? '…';
  const items = touchpoints.data?.items ?? [];

  return (
    <div className="nudges">
      <header className="screen-header">
        <h1>Nudges</h1>
        <p className="muted">
          {items.length === 0 ? 'No gestures waiting.' : 'Small gestures that keep clients close'}
        </p>
      </header>
      {done && <NoticeLine tone="done">{done}</NoticeLine>}
      {(complete.error ?? dismiss.error) && (
        <NoticeLine tone="problem">{problemOf(complete.error ?? dismiss.error)}</NoticeLine>
      )}
      <ul className="request-list">
        {items.map((touchpoint) => (
          <li key={touchpoint.id} className="request">
            <div className="promise-main">
              <span className="promise-title">
                {kindWords[touchpoint.kind]} · {accountName(touchpoint.accountId)}
              </span>
              <span className="promise-meta">
                {formatDay(touchpoint.dueAt)}
                {touchpoint.reason && ` · ${touchpoint.reason}`}
              </span>
            </div>
            <div className="request-actions">
              <button
                type="button"
                onClick={() =>
                  complete.mutate(
                    {
                      touchpointId: touchpoint.id,
                      expectedVersion: touchpoint.version,
                      note: null,
                    },
                    { onSuccess: () => setDone(`Done: ${kindWords[touchpoint.kind]}`) },
                  )
                }
              >
                Done
              </button>
              <button
                type="button"
                onClick={() =>
                  dismiss.mutate(
                    {
                      touchpointId: touchpoint.id,
                      expectedVersion: touchpoint.version,
                      reason: 'Not fitting right now',
                    },
                    { onSuccess: () => setDone(`Dismissed: ${kindWords[touchpoint.kind]}`) },
                  )
                }
              >
                Dismiss
              </button>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
