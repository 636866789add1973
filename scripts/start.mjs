#!/usr/bin/env node
// `pnpm start`: builds the web admin when its build is missing or older than its sources, then
// runs the server (which serves that build at /). Honours PORT, HOST, DATA_DIR and DATABASE_URL
// like the server itself; signals are passed on so Ctrl-C closes the store cleanly.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const web = join(root, 'apps/web');
const builtIndex = join(web, 'dist/index.html');

/** The newest modification time under the given files and folders. */
function newest(paths) {
  let latest = 0;
  for (const path of paths) {
    if (!existsSync(path)) continue;
    const stat = statSync(path);
    if (stat.isDirectory()) {
      const entries = readdirSync(path).map((entry) => join(path, entry));
      latest = Math.max(latest, newest(entries));
    } else {
      latest = Math.max(latest, stat.mtimeMs);
    }
  }
  return latest;
}

const sources = [
  join(web, 'src'),
  join(web, 'index.html'),
  join(web, 'vite.config.ts'),
  join(web, 'package.json'),
  join(root, 'packages/ui/src'),
];

function webAdminNeedsBuild() {
  if (!existsSync(builtIndex)) return true;
  return newest(sources) > statSync(builtIndex).mtimeMs;
}

if (webAdminNeedsBuild()) {
  console.log('Building the web admin (apps/web) …');
  // vite's exports do not include its bin: find it beside its package.json.
  const vitePackage = createRequire(join(web, 'package.json')).resolve('vite/package.json');
  const vite = join(dirname(vitePackage), 'bin/vite.js');
  const build = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
    cwd: web,
    stdio: 'inherit',
  });
  if (build.status !== 0) {
    console.error('The web admin did not build; starting the server without it.');
  }
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
