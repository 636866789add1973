import type { ReactNode } from 'react';
import { NotAllowed } from './not-allowed.tsx';
import { type Role, useSession } from './use-session.ts';

/** Shows its children only to the given roles; everyone else reads "not allowed". */
export function RequireRole(props: { roles: readonly Role[]; needs: string; children: ReactNode }) {
  const session = useSession();
  const user = session.data;
  if (user === undefined || user === null) return null;
  if (!props.roles.includes(user.role)) return <NotAllowed role={user.role} needs={props.needs} />;
  return <>{props.children}</>;
}
