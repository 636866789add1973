// `pnpm --filter desktop start`: builds the app, makes sure Electron's binary is there (pnpm does
// not run electron's install script, so it is fetched here with electron's own install.js), makes
// better-sqlite3's binding for Electron's ABI (into dist/native, from a copy: node_modules stays
// built for Node), then launches Electron on the built app. Arguments after `--` go to Electron.
import { spawn, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildDesktop } from './build.mjs';

const appDir = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(join(appDir, 'package.json'));

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit', env: process.env });
  return result.status === 0;
}

/** Electron's binary: fetched by electron's own install.js when it is missing. */
function electronBinary() {
  const electronDir = dirname(require.resolve('electron/package.json'));
  const installed = () =>
    existsSync(join(electronDir, 'path.txt')) && existsSync(join(electronDir, 'dist'));
  if (!installed()) {
    console.log('Fetching Electron’s binary (electron/install.js)…');
    if (!run(process.execPath, [join(electronDir, 'install.js')], electronDir) || !installed()) {
      throw new Error(
        'Electron’s binary could not be fetched: check the network, or set ELECTRON_MIRROR.',
      );
    }
  }
  const version = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version;
  return { path: require('electron'), version };
}

/** @electron/rebuild, as electron-builder brings it (app-builder-lib depends on it). */
async function electronRebuild() {
  const fromBuilder = createRequire(realpathSync(require.resolve('electron-builder/package.json')));
  const fromLib = createRequire(realpathSync(fromBuilder.resolve('app-builder-lib/package.json')));
  const entry = realpathSync(fromLib.resolve('@electron/rebuild'));
  return import(pathToFileURL(entry).href);
}

/**
 * better-sqlite3 compiled for Electron's ABI, in dist/native. A copy of the package is rebuilt in
 * .electron-native/ (Electron's prebuilt binary when there is one, else compiled against Electron's
 * headers), so the node_modules copy stays built for Node, which the tests and the server need.
 */
async function electronSqliteBinding(electronVersion) {
  const target = join(appDir, 'dist/native/better_sqlite3.node');
  const stamp = join(appDir, 'dist/native/electron-version');
  if (existsSync(target) && existsSync(stamp) && readFileSync(stamp, 'utf8') === electronVersion)
    return;
  const source = realpathSync(dirname(require.resolve('better-sqlite3/package.json')));
  const version = JSON.parse(readFileSync(join(source, 'package.json'), 'utf8')).version;
  const work = join(appDir, '.electron-native');
  const copy = join(work, 'node_modules/better-sqlite3');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(dirname(copy), { recursive: true });
  cpSync(source, copy, {
    recursive: true,
    dereference: true,
    filter: (path) => path !== join(source, 'build') && path !== join(source, 'node_modules'),
  });
  writeFileSync(
    join(work, 'package.json'),
    JSON.stringify({
      name: 'electron-native',
      private: true,
      dependencies: { 'better-sqlite3': version },
    }),
  );
  console.log(`Building better-sqlite3 for Electron ${electronVersion}…`);
  const { rebuild } = await electronRebuild();
  await rebuild({
    buildPath: work,
    electronVersion,
    arch: process.arch,
    force: true,
    onlyModules: ['better-sqlite3'],
  });
  mkdirSync(dirname(target), { recursive: true });
  cpSync(join(copy, 'build/Release/better_sqlite3.node'), target);
  writeFileSync(stamp, electronVersion);
}

await buildDesktop();
const electron = electronBinary();
await electronSqliteBinding(electron.version);
const child = spawn(electron.path, [appDir, ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: process.env,
});
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
