// Packaging stages the app in .app-stage/ (electron-builder's "app" directory): the built dist/
// and a package.json naming only the native modules the bundle leaves outside. electron-builder
// installs and rebuilds those for Electron's ABI there, never in the workspace's node_modules
// (which the tests and the server need built for Node).
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDesktop } from './build.mjs';

const appDir = fileURLToPath(new URL('..', import.meta.url));
const stage = join(appDir, '.app-stage');
const require = createRequire(join(appDir, 'package.json'));
const own = JSON.parse(readFileSync(join(appDir, 'package.json'), 'utf8'));
const versionOf = (name) => require(`${name}/package.json`).version;

await buildDesktop();
rmSync(stage, { recursive: true, force: true });
mkdirSync(stage, { recursive: true });
for (const part of ['main', 'preload', 'renderer']) {
  cpSync(join(appDir, 'dist', part), join(stage, 'dist', part), {
    recursive: true,
    filter: (path) => !path.endsWith('.map'),
  });
}
writeFileSync(
  join(stage, 'package.json'),
  `${JSON.stringify(
    {
      name: 'steadfast-desktop',
      productName: 'Steadfast',
      version: own.version,
      description: own.description,
      author: 'Steadfast',
      main: 'dist/main/main.cjs',
      dependencies: {
        'better-sqlite3': versionOf('better-sqlite3'),
        '@node-rs/argon2': versionOf('@node-rs/argon2'),
      },
    },
    null,
    2,
  )}\n`,
);
console.log(`Staged the app for packaging in ${stage}`);
