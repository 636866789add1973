import { type Db, findUser, keepIf } from '@steadfast/db';
import { DomainError, type Instant } from '@steadfast/domain';
import { importAccounts } from './import-accounts.ts';
import { importPromises } from './import-promises.ts';
import {
  type CsvFile,
  type FileImportReport,
  hasRejections,
  type ImportReport,
} from './import-report.ts';
import { openImportSession } from './import-session.ts';

export interface ImportOptions {
  /** Accounts first: the promise history may name accounts this same import opens. */
  accounts?: CsvFile;
  promises?: CsvFile;
  /** The admin doing the import: the audit trail names them for every write. */
  actorId: string;
  now: Instant;
  newId: () => string;
  /** Check everything, write nothing. */
  dryRun: boolean;
  /** Called after each row is read, with the rows read so far and the rows in all files. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Imports CSV files of accounts and promise history all or nothing: every row is checked and
 * written through the API's own procedures in ONE transaction (a savepoint when `db` is already a
 * transaction), and the report names every row, column and rule that was broken. If any row is
 * rejected, or it is a dry run, it is all rolled back and the store is exactly as it was.
 */
export async function importCsv(db: Db, options: ImportOptions): Promise<ImportReport> {
  const actor = await findUser(db, options.actorId);
  if (actor?.role !== 'admin') {
    throw new DomainError({
      code: 'importer_not_admin',
      kind: 'invalid',
      field: 'actorId',
      message: 'An import is an admin’s work: name an admin to do it.',
    });
  }
  const total = (options.accounts?.records.length ?? 0) + (options.promises?.records.length ?? 0);
  let done = 0;
  return keepIf(db, async (trx) => {
    const session = openImportSession({
      trx,
      now: options.now,
      newId: options.newId,
      actorId: options.actorId,
      progress: () => options.onProgress?.(++done, total),
    });
    const files: FileImportReport[] = [];
    if (options.accounts !== undefined) files.push(await importAccounts(session, options.accounts));
    if (options.promises !== undefined) files.push(await importPromises(session, options.promises));
    const keep = !options.dryRun && !hasRejections({ files });
    return { keep, value: { dryRun: options.dryRun, committed: keep, files } };
  });
}
