import { basename } from 'node:path';
import {
  type FileImportReport,
  type ImportKind,
  type ImportReport,
  importCsv,
  rejectedRowCount,
} from '@steadfast/api';
import { type Db, findUserByEmail, listUsers } from '@steadfast/db';
import { uuidv7 } from 'uuidv7';
import type { ServerEnv } from '../env.ts';
import { CommandRefused, openCommandStore } from './cli-store.ts';
import { readCsvFile } from './csv-file.ts';
import { progressOn } from './progress.ts';

/** The admin an import acts as: the one named, else the only admin there is. */
async function importingAdmin(db: Db, email: string | undefined): Promise<string> {
  if (email !== undefined) {
    const user = await findUserByEmail(db, email);
    if (user?.role !== 'admin')
      throw new CommandRefused(`--as ${email}: no admin has this e-mail address.`);
    return user.id;
  }
  const admins = (await listUsers(db)).filter((user) => user.role === 'admin');
  const [only, another] = admins;
  if (only !== undefined && another === undefined) return only.id;
  throw new CommandRefused(
    only === undefined
      ? 'There is no admin yet: create one with `steadfast create-admin` first.'
      : 'There are several admins: name the one importing with --as <e-mail>.',
  );
}

/** The report as a person reads it: counts per file, then one line per broken rule. */
export function reportLines(
  report: ImportReport,
  fileNames: Partial<Record<ImportKind, string>>,
): string[] {
  const lines: string[] = [];
  for (const file of report.files) {
    lines.push(...fileLines(file, fileNames[file.kind] ?? file.kind, report.dryRun));
  }
  if (report.committed) lines.push('Imported in one transaction.');
  else if (report.files.some((file) => file.rejections.length > 0))
    lines.push(
      'Nothing was imported: fix the rows above and run again (an import is all or nothing).',
    );
  else lines.push('Dry run: every row passed; nothing was written.');
  return lines;
}

function fileLines(file: FileImportReport, fileName: string, dryRun: boolean): string[] {
  const rejected = rejectedRowCount(file);
  const verb = dryRun || rejected > 0 ? 'would import' : 'imported';
  const lines = [
    `${fileName} (${file.kind}): ${file.rows} ${file.rows === 1 ? 'row' : 'rows'}; ${verb} ${file.imported}, ${file.skipped} already imported, ${rejected} rejected`,
  ];
  const fieldWidth = Math.max(0, ...file.rejections.map((r) => r.field.length));
  for (const rejection of file.rejections) {
    lines.push(
      `  row ${String(rejection.row).padStart(4)}  ${rejection.field.padEnd(fieldWidth)}  ${rejection.rule}`,
    );
  }
  return lines;
}

/** A CSV file read, or a refusal naming it. */
async function readNamed(path: string) {
  return readCsvFile(path).catch((error: unknown) => {
    throw new CommandRefused(`${path}: ${error instanceof Error ? error.message : String(error)}`);
  });
}

/**
 * `steadfast import`: prints the report; exit code 1 when any row was rejected. `withAccounts`
 * imports an accounts file first in the same transaction, so a promise history can name accounts
 * that are not in the store yet (and a dry run can check both together).
 */
export async function runImportCommand(
  env: ServerEnv,
  options: {
    file: string;
    kind: ImportKind;
    dryRun: boolean;
    as?: string | undefined;
    withAccounts?: string | undefined;
  },
): Promise<number> {
  if (options.withAccounts !== undefined && options.kind !== 'promises')
    throw new CommandRefused('--with-accounts goes with --kind promises.');
  const csv = await readNamed(options.file);
  const accounts =
    options.withAccounts === undefined ? undefined : await readNamed(options.withAccounts);
  const handle = await openCommandStore(env);
  const progress = progressOn(options.dryRun ? 'Checking' : 'Importing', 'rows');
  try {
    const actorId = await importingAdmin(handle.db, options.as);
    const report = await importCsv(handle.db, {
      ...(accounts === undefined ? {} : { accounts }),
      [options.kind]: csv,
      actorId,
      now: new Date().toISOString(),
      newId: uuidv7,
      dryRun: options.dryRun,
      onProgress: (done, total) => progress.update(done, total),
    });
    progress.stop();
    const fileNames = {
      [options.kind]: basename(options.file),
      ...(options.withAccounts === undefined ? {} : { accounts: basename(options.withAccounts) }),
    };
    console.log(reportLines(report, fileNames).join('\n'));
    return report.files.some((file) => file.rejections.length > 0) ? 1 : 0;
  } finally {
    progress.stop();
    await handle.close();
  }
}
