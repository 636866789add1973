// Builds the three processes: the renderer (React, Vite), and the main process and preload bundled
// for Electron as CommonJS (a sandboxed preload must be CommonJS). Workspace packages are bundled
// in; native modules and Electron itself stay outside, resolved from node_modules at run time.
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const appDir = fileURLToPath(new URL('..', import.meta.url));
// `better-sqlite3` itself is not on the list: its name is pointed at src/main/electron-sqlite.ts,
// which loads the package's own entry (external) with the binding built for Electron.
const nativeOrHost = ['electron', 'better-sqlite3/', '@node-rs/argon2', 'pg-native'];
const isExternal = (id) =>
  nativeOrHost.some((name) =>
    name.endsWith('/') ? id.startsWith(name) : id === name || id.startsWith(`${name}/`),
  );

/** Bundles one Node-side entry for Electron. */
function nodeBundle({ entry, outDir, fileName }) {
  return build({
    root: appDir,
    configFile: false,
    logLevel: 'warn',
    resolve: {
      alias: [{ find: /^better-sqlite3$/, replacement: `${appDir}src/main/electron-sqlite.ts` }],
    },
    build: {
      ssr: entry,
      outDir,
      emptyOutDir: true,
      target: 'node22',
      sourcemap: true,
      minify: false,
      rollupOptions: {
        external: isExternal,
        output: { format: 'cjs', entryFileNames: fileName },
      },
    },
    ssr: { noExternal: true, target: 'node' },
  });
}

export async function buildDesktop() {
  await build({ configFile: `${appDir}/vite.config.ts`, logLevel: 'warn' });
  await nodeBundle({ entry: 'src/main/main.ts', outDir: 'dist/main', fileName: 'main.cjs' });
  await nodeBundle({
    entry: 'src/preload/preload.ts',
    outDir: 'dist/preload',
    fileName: 'preload.cjs',
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildDesktop();
  console.log('Built dist/renderer, dist/main/main.cjs and dist/preload/preload.cjs');
}
