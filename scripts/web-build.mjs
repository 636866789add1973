#!/usr/bin/env node
// Builds the web admin (apps/web → apps/web/dist) when its build is missing or older than its
// sources. Used by `pnpm start` and by the web admin's browser tests; run directly, it builds.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const web = join(root, 'apps/web');
const builtIndex = join(web, 'dist/index.html');

const sources = [
  join(web, 'src'),
  join(web, 'index.html'),
  join(web, 'vite.config.ts'),
  join(web, 'package.json'),
  join(root, 'packages/ui/src'),
];

/** The newest modification time under the given files and folders. */
function newest(paths) {
  let latest = 0;
  for (const path of paths) {
    if (!existsSync(path)) continue;
    const stat = statSync(path);
    latest = stat.isDirectory()
      ? Math.max(latest, newest(readdirSync(path).map((entry) => join(path, entry))))
      : Math.max(latest, stat.mtimeMs);
  }
  return latest;
}

export function webAdminNeedsBuild() {
  if (!existsSync(builtIndex)) return true;
  return newest(sources) > statSync(builtIndex).mtimeMs;
}

/** Builds the web admin if it needs it; true when a usable build is there afterwards. */
export function ensureWebAdminBuilt() {
  if (!webAdminNeedsBuild()) return true;
  console.log('Building the web admin (apps/web) …');
  // vite's exports do not include its bin: find it beside its package.json.
  const vitePackage = createRequire(join(web, 'package.json')).resolve('vite/package.json');
  const vite = join(dirname(vitePackage), 'bin/vite.js');
  const build = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
    cwd: web,
    stdio: 'inherit',
    // Always the production build: vite keeps a NODE_ENV it inherits, and vitest (the browser
    // tests' global setup) sets it to 'test', which bundled React's development build (~70 KB
    // gzipped more) into the dist that `pnpm start` and the bench then served.
    env: { ...process.env, NODE_ENV: 'production' },
  });
  return build.status === 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.exit(ensureWebAdminBuilt() ? 0 : 1);
}
