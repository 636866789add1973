import { createContext, type ReactNode, useContext } from 'react';
import type { DesktopClient } from './api/trpc.ts';

const DesktopContext = createContext<DesktopClient | null>(null);

export function DesktopProvider(props: { client: DesktopClient; children: ReactNode }) {
  return <DesktopContext.Provider value={props.client}>{props.children}</DesktopContext.Provider>;
}

/** The app's own procedures (mode, mail client). */
export function useDesktop(): DesktopClient {
  const client = useContext(DesktopContext);
  if (client === null) throw new Error('useDesktop needs a DesktopProvider above it.');
  return client;
}
