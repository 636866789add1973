#!/usr/bin/env node
// `pnpm start`: builds the web admin when its build is missing or older than its sources, then
// runs the server (which serves that build at /). Honours PORT, HOST, DATA_DIR and DATABASE_URL
// like the server itself; signals are passed on so Ctrl-C closes the store cleanly.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ensureWebAdminBuilt } from './web-build.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

if (!ensureWebAdminBuilt()) {
  console.error('The web admin did not build; the server starts without it (see above).');
}

const server = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
  cwd: root,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.kill(signal));
}
server.on('exit', (code, signal) => {
  process.exit(code ?? (signal === null ? 0 : 1));
});
