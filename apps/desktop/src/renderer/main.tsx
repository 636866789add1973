import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApiClient, createDesktopClient, TRPCProvider } from './api/trpc.ts';
import { App } from './app.tsx';
import { DesktopProvider } from './desktop-context.tsx';
import './styles.css';

const queryClient = new QueryClient({
  defaultOptions: {
    // The data is local or on the team's server: refresh when the window comes back into view.
    queries: { staleTime: 15_000, retry: 1, refetchOnWindowFocus: true },
  },
});
const apiClient = createApiClient();
const desktopClient = createDesktopClient();

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root.');
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={apiClient} queryClient={queryClient}>
        <DesktopProvider client={desktopClient}>
          <App />
        </DesktopProvider>
      </TRPCProvider>
    </QueryClientProvider>
  </StrictMode>,
);
