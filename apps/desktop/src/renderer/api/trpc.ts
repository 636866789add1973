import type { AppRouter } from '@steadfast/api';
import { createTRPCClient } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import type { DesktopRouter } from '../../main/desktop-router.ts';
import { steadfastBridge } from './bridge.ts';
import { ipcLink } from './ipc-link.ts';

/** React bindings for the API: the same AppRouter types as the server's clients. */
export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

export function createApiClient() {
  return createTRPCClient<AppRouter>({ links: [ipcLink(steadfastBridge())] });
}

/** The app's own procedures (mode, mail client), over the same channel. */
export function createDesktopClient() {
  return createTRPCClient<DesktopRouter>({ links: [ipcLink(steadfastBridge())] });
}
export type DesktopClient = ReturnType<typeof createDesktopClient>;
