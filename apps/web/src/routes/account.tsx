import { useParams } from '@tanstack/react-router';
import { AccountHeader } from '../features/account/account-header.tsx';
import { AccountTrust } from '../features/account/account-trust.tsx';
import { CharterPanel } from '../features/account/charter-panel.tsx';
import { DriftWarnings } from '../features/account/drift-warnings.tsx';
import { PromiseTimeline } from '../features/account/promise-timeline.tsx';
import { TouchpointsList } from '../features/account/touchpoints-list.tsx';

export function AccountRoute() {
  const { accountId } = useParams({ from: '/app/accounts/$accountId' });
  return (
    <>
      <AccountHeader accountId={accountId} />
      <div className="grid">
        <AccountTrust accountId={accountId} />
        <div className="stack">
          <DriftWarnings accountId={accountId} />
          <TouchpointsList accountId={accountId} />
        </div>
        <CharterPanel accountId={accountId} />
        <PromiseTimeline accountId={accountId} />
      </div>
    </>
  );
}
