import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyPassword } from '@steadfast/api';
import { findLoginCredentials, findUser, openDatabase } from '@steadfast/db';
import { afterAll, describe, expect, it } from 'vitest';

const serverDir = new URL('../..', import.meta.url).pathname;

function createAdmin(dataDir: string, args: string[], password?: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/create-admin.ts', ...args], {
    cwd: serverDir,
    env: { ...process.env, DATA_DIR: dataDir, STEADFAST_ADMIN_PASSWORD: password ?? '' },
    encoding: 'utf8',
  });
}

describe('steadfast create-admin', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'steadfast-cli-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('creates the first admin, who can then log in with that password', async () => {
    const run = createAdmin(
      dataDir,
      ['--email', 'root@company.example', '--name', 'Rosa Root'],
      'a long admin passphrase',
    );
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('Created admin root@company.example');

    const handle = openDatabase({ kind: 'sqlite', file: join(dataDir, 'steadfast.sqlite') });
    try {
      const credentials = await findLoginCredentials(handle.db, 'root@company.example');
      expect(credentials?.passwordHash).toMatch(/^\$argon2id\$/);
      expect(await verifyPassword(credentials?.passwordHash ?? '', 'a long admin passphrase')).toBe(
        true,
      );
      expect((await findUser(handle.db, credentials?.userId ?? ''))?.role).toBe('admin');
    } finally {
      await handle.close();
    }
  }, 60_000);

  it('refuses a short password and a bad address, naming each', () => {
    const run = createAdmin(dataDir, ['--email', 'not-an-address', '--name', 'X'], 'short');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--email must be an e-mail address');
    expect(run.stderr).toContain('at least 12 characters');
  }, 60_000);
});
