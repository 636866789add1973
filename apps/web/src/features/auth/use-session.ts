import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type RouterOutputs, useTRPC } from '../../trpc.ts';

export type SessionUser = NonNullable<RouterOutputs['auth']['me']>;
export type Role = SessionUser['role'];

/** Who is logged in (null: nobody), fetched once and shared by every page. */
export function useSession() {
  const trpc = useTRPC();
  return useQuery({ ...trpc.auth.me.queryOptions(), staleTime: 5 * 60_000 });
}

/** Logging in starts a session cookie; everything cached for the previous person is dropped. */
export function useLogin() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.auth.login.mutationOptions({
      onSuccess: async () => {
        queryClient.clear();
      },
    }),
  );
}

export function useLogout() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.auth.logout.mutationOptions({
      onSuccess: () => {
        queryClient.clear();
        window.location.assign('/login');
      },
    }),
  );
}

/** Leaders and admins read the portfolio; admins alone manage people and settings. */
export const leadershipRoles: readonly Role[] = ['leader', 'admin'];
export const adminRoles: readonly Role[] = ['admin'];

export const roleNames: Record<Role, string> = {
  account_manager: 'Account manager',
  leader: 'Leader',
  admin: 'Admin',
};
