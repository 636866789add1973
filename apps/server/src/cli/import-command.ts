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
export function reportLines(report: ImportReport, fileName: string): string[] {
  const lines: string[] = [];
  for (const file of report.files) lines.push(...fileLines(file, fileName, report.dryRun));
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

/** `steadfast import`: prints the report; exit code 1 when any row was rejected. */
export async function runImportCommand(
  env: ServerEnv,
  options: { file: string; kind: ImportKind; dryRun: boolean; as?: string | undefined },
): Promise<number> {
  const csv = await readCsvFile(options.file).catch((error: unknown) => {
    throw new CommandRefused(
      `${options.file}: ${error instanceof Error ? error.message : String(error)}`,
    );
  });
  const handle = await openCommandStore(env);
  const progress = progressOn(options.dryRun ? 'Checking' : 'Importing', 'rows');
  try {
    const actorId = await importingAdmin(handle.db, options.as);
    const report = await importCsv(handle.db, {
      [options.kind]: csv,
      actorId,
      now: new Date().toISOString(),
      newId: uuidv7,
      dryRun: options.dryRun,
      onProgress: (done, total) => progress.update(done, total),
    });
    progress.stop();
    console.log(reportLines(report, basename(options.file)).join('\n'));
    return report.files.some((file) => file.rejections.length > 0) ? 1 : 0;
  } finally {
    progress.stop();
    await handle.close();
  }
}
