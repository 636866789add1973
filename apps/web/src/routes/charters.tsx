import { PageHeader } from '../components/page-header.tsx';
import { RequireRole } from '../features/auth/require-role.tsx';
import { leadershipRoles } from '../features/auth/use-session.ts';
import { CharterReviewList, UnmeasurableTerms } from '../features/charters/charter-review-list.tsx';

export function ChartersRoute() {
  return (
    <RequireRole roles={leadershipRoles} needs="leaders and admins">
      <PageHeader title="Charters">
        Service charters that need a review, terms nobody can check, and clients with none.
      </PageHeader>
      <div className="grid">
        <CharterReviewList />
        <UnmeasurableTerms />
      </div>
    </RequireRole>
  );
}
