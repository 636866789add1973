import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@steadfast/db';
import { storeSnapshot } from '@steadfast/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const serverDir = new URL('../..', import.meta.url).pathname;

/** Runs `steadfast …` as a person would, in its own process, with this test's data folder. */
function steadfast(dataDir: string, args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/steadfast.ts', ...args], {
    cwd: serverDir,
    env: { ...process.env, DATA_DIR: dataDir, ...env },
    encoding: 'utf8',
  });
}

/** Every row of every table of the SQLite store in `dataDir`. */
async function snapshotOf(dataDir: string) {
  const handle = openDatabase({ kind: 'sqlite', file: join(dataDir, 'steadfast.sqlite') });
  try {
    return await storeSnapshot(handle.db);
  } finally {
    await handle.close();
  }
}

const accountsCsv = `external_id,name,owner_email,stage,tier,time_zone,customer_since
CRM-1,Acme Pumps,root@company.example,active,key,Europe/Berlin,2019-04-01
CRM-2,"Northwind, Ltd",root@company.example,onboarding,,,
`;

const goodHistoryCsv = `external_id,account,owner_email,kind,what,made_at,due_at,status,closed_at,note,informed_at
ERP-1,CRM-1,root@company.example,delivery,200 pumps,2026-03-02T09:00:00Z,2026-03-12T16:00:00Z,fulfilled,2026-03-11T12:00:00Z,,
ERP-2,CRM-1,root@company.example,delivery,Spare seals,2026-04-01T09:00:00Z,2026-04-10T16:00:00Z,missed,2026-04-10T16:00:00Z,Supplier strike,2026-04-08T10:00:00Z
ERP-3,"Northwind, Ltd",root@company.example,quote,Quote for 50 valves,2026-11-20T09:00:00Z,2026-11-23T16:00:00Z,open,,,
`;

const badHistoryCsv = `external_id,account,owner_email,kind,what,made_at,due_at,status,closed_at,note
ERP-4,CRM-1,root@company.example,delivery,Pump housings,2026-05-01T09:00:00Z,2026-05-08T16:00:00Z,fulfilled,2026-05-07T10:00:00Z,
ERP-5,CRM-9,root@company.example,parcel,Gaskets,2026-05-01T09:00:00Z,2026-05-08T16:00:00Z,fulfilled,2026-05-07T10:00:00Z,
ERP-6,CRM-2,eve@company.example,fix,Broken valve,2026-05-01T09:00:00Z,2026-04-30T16:00:00Z,cancelled,2026-05-02T10:00:00Z,
`;

describe('the steadfast command line', () => {
  const folder = mkdtempSync(join(tmpdir(), 'steadfast-cli-'));
  const dataDir = join(folder, 'data');
  const file = (name: string, text: string) => {
    const path = join(folder, name);
    writeFileSync(path, text);
    return path;
  };
  beforeAll(() => {
    const admin = steadfast(
      dataDir,
      ['create-admin', '--email', 'root@company.example', '--name', 'Rosa Root'],
      {
        STEADFAST_ADMIN_PASSWORD: 'a long admin passphrase',
      },
    );
    expect(admin.status, admin.stderr).toBe(0);
    const imported = steadfast(dataDir, [
      'import',
      file('accounts.csv', accountsCsv),
      '--kind',
      'accounts',
    ]);
    expect(imported.status, imported.stdout + imported.stderr).toBe(0);
  }, 120_000);
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('imports a promise history with bad rows not at all, and prints row, field and rule of each', async () => {
    const before = await snapshotOf(dataDir);

    const run = steadfast(dataDir, [
      'import',
      file('bad.csv', badHistoryCsv),
      '--kind',
      'promises',
    ]);

    expect(run.status).toBe(1);
    expect(run.stdout).toContain(
      'bad.csv (promises): 3 rows; would import 1, 0 already imported, 2 rejected',
    );
    expect(run.stdout).toMatch(/row +3 +kind +must be one of delivery/);
    expect(run.stdout).toMatch(/row +4 +due_at +must lie after made_at/);
    expect(run.stdout).toMatch(/row +4 +note +is required when status is cancelled/);
    expect(run.stdout).toContain('Nothing was imported');
    expect(await snapshotOf(dataDir)).toEqual(before);
  }, 60_000);

  it('checks a good file in a dry run without writing, then imports it', async () => {
    const history = file('history.csv', goodHistoryCsv);
    const before = await snapshotOf(dataDir);

    const dry = steadfast(dataDir, ['import', history, '--kind', 'promises', '--dry-run']);
    expect(dry.status, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('Dry run: every row passed; nothing was written.');
    expect(await snapshotOf(dataDir)).toEqual(before);

    const run = steadfast(dataDir, ['import', history, '--kind', 'promises']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(
      'history.csv (promises): 3 rows; imported 3, 0 already imported, 0 rejected',
    );
    expect(run.stderr).toContain('Importing: 3/3 rows');
    const again = steadfast(dataDir, ['import', history, '--kind', 'promises']);
    expect(again.stdout).toContain('imported 0, 3 already imported, 0 rejected');
  }, 60_000);

  it('checks new accounts and the history that names them together, in one dry run', async () => {
    const before = await snapshotOf(dataDir);

    const run = steadfast(dataDir, [
      'import',
      file(
        'h7.csv',
        'account,owner_email,kind,what,made_at,due_at\nCRM-7,root@company.example,fix,Leaking seal,2026-06-01T09:00:00Z,2026-06-03T16:00:00Z\n',
      ),
      '--kind',
      'promises',
      '--with-accounts',
      file('a7.csv', 'external_id,name,owner_email\nCRM-7,Fabrikam,root@company.example\n'),
      '--dry-run',
    ]);

    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain('a7.csv (accounts): 1 row; would import 1');
    expect(run.stdout).toContain('h7.csv (promises): 1 row; would import 1');
    expect(await snapshotOf(dataDir)).toEqual(before);
  }, 60_000);

  it('exports promises with their status and outcome, in the columns import reads', () => {
    const out = join(folder, 'promises-export.csv');

    const run = steadfast(dataDir, ['export', '--kind', 'promises', '--out', out]);

    expect(run.status, run.stderr).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe(
      'external_id,account,owner_email,kind,what,details,importance,made_at,due_at,due_earliest,due_latest,condition,condition_met_at,status,closed_at,note,informed_at,informed_channel,apologised,result',
    );
    expect(lines.slice(1).sort()).toEqual([
      expect.stringMatching(/^ERP-1,CRM-1,.*,fulfilled,2026-03-11T12:00:00.000Z,.*,on_time$/),
      expect.stringMatching(
        /^ERP-2,CRM-1,.*,missed,2026-04-10T16:00:00.000Z,Supplier strike,2026-04-08T10:00:00.000Z,email,no,missed$/,
      ),
      expect.stringMatching(/^ERP-3,CRM-2,.*,open,,.*,open$/),
    ]);
    const accounts = steadfast(dataDir, ['export', '--kind', 'accounts']);
    expect(accounts.stdout).toContain(
      'CRM-2,"Northwind, Ltd",root@company.example,onboarding,standard,UTC,',
    );
  }, 60_000);

  it('backs up the store and restores it to exactly the same data', async () => {
    const backup = join(folder, 'backup.sqlite');
    const backedUp = await snapshotOf(dataDir);
    const run = steadfast(dataDir, ['backup', backup]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Backed up steadfast.sqlite \(\d+ pages/);
    // Something changes after the backup…
    const more = steadfast(dataDir, [
      'import',
      file('more.csv', 'name,owner_email\nContoso,root@company.example\n'),
      '--kind',
      'accounts',
    ]);
    expect(more.status, more.stdout).toBe(0);
    expect(await snapshotOf(dataDir)).not.toEqual(backedUp);

    // …and the restore brings back the data as it was at the backup, table by table, row by row.
    const restored = steadfast(dataDir, ['restore', backup]);

    expect(restored.status, restored.stderr).toBe(0);
    expect(restored.stdout).toContain('The store it replaced is kept as');
    expect(await snapshotOf(dataDir)).toEqual(backedUp);
  }, 60_000);

  it('refuses to restore over a store another process has open, or a file that is no store', async () => {
    const backup = join(folder, 'backup-2.sqlite');
    expect(steadfast(dataDir, ['backup', backup]).status).toBe(0);
    const before = await snapshotOf(dataDir);
    const handle = openDatabase({ kind: 'sqlite', file: join(dataDir, 'steadfast.sqlite') });
    try {
      await handle.db.selectFrom('accounts').select('id').execute();
      const busy = steadfast(dataDir, ['restore', backup]);
      expect(busy.status).toBe(2);
      expect(busy.stderr).toContain('is open in another process: stop the server');
    } finally {
      await handle.close();
    }
    const notAStore = steadfast(dataDir, ['restore', file('notes.csv', accountsCsv)]);
    expect(notAStore.status).toBe(2);
    expect(notAStore.stderr).toContain('cannot be restored: it is not a readable SQLite database');
    expect(await snapshotOf(dataDir)).toEqual(before);
  }, 60_000);

  it('sends PostgreSQL stores to pg_dump for backups', () => {
    const run = steadfast(dataDir, ['backup', join(folder, 'pg.sqlite')], {
      DATABASE_URL: 'postgres://steadfast@127.0.0.1:5432/steadfast',
    });

    expect(run.status).toBe(2);
    expect(run.stderr).toContain('use PostgreSQL');
    expect(run.stderr).toContain('pg_dump');
  }, 60_000);

  it('starts the server, as pnpm start does', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/steadfast.ts', 'start'], {
      cwd: serverDir,
      env: { ...process.env, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', DEMO_DATA: 'false' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let log = '';
        const onData = (chunk: Buffer) => {
          log += chunk.toString();
          const match = /Steadfast listening on (http:\/\/[^\s]+)/.exec(log);
          if (match?.[1] !== undefined) resolve(match[1]);
        };
        child.stdout.on('data', onData);
        child.stderr.on('data', onData);
        child.once('exit', (code) => reject(new Error(`exited with ${code}: ${log}`)));
      });
      const health = await fetch(`${url}/health`);
      expect(health.status).toBe(200);
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  }, 60_000);
});
