import { PageHeader } from '../components/page-header.tsx';
import { AccountList } from '../features/account/account-list.tsx';

export function AccountsRoute() {
  return (
    <>
      <PageHeader title="Accounts">
        Each client, who looks after it, and how far it trusts us. Open one for the why.
      </PageHeader>
      <AccountList />
    </>
  );
}
