import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServerProcess } from '@steadfast/server/testing';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    webAdminUrl: string;
  }
}

const buildScript = fileURLToPath(new URL('../../../scripts/web-build.mjs', import.meta.url));

/** Builds the web admin if its build is stale, then starts one real server with demo data for every file. */
export default async function setup(project: TestProject) {
  const build = spawnSync(process.execPath, [buildScript], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('the web admin did not build');
  const dataDir = mkdtempSync(join(tmpdir(), 'steadfast-web-e2e-'));
  const server = await startServerProcess(
    {
      DATA_DIR: dataDir,
      DEMO_DATA: 'true',
      // Background jobs (the trust rebuild after a settings change) are claimed within a second.
      WORKER_INTERVAL_MS: '1000',
    },
    // The first start loads the demo history, which takes a while on a busy machine.
    { startTimeoutMs: 150_000 },
  );
  project.provide('webAdminUrl', server.url);
  return async () => {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
