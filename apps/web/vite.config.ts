import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `pnpm dev` here serves the app with hot reload and sends API calls to a server started with
// `pnpm start` at the root (PORT 3000 unless STEADFAST_API says otherwise).
const api = process.env.STEADFAST_API ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Routes load lazily; charts and tables come in with the pages that draw them.
    chunkSizeWarningLimit: 600,
  },
  server: {
    proxy: { '/trpc': api, '/health': api },
  },
});
