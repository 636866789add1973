import {
  findAccountIdsNamed,
  findImportedEntity,
  findUserByEmail,
  insertImportKey,
} from '@steadfast/db';
import {
  missingColumns,
  parseAccountRow,
  requiredAccountColumns,
  spreadsheetRow,
} from '@steadfast/domain';
import { type CsvFile, type FileImportReport, rejectionOf } from './import-report.ts';
import type { ImportSession } from './import-session.ts';

/**
 * Opens the accounts of an accounts CSV through `account.create`, as a person would, each row
 * checked first: its cells, an owner who exists, no account named twice (in the file, or already
 * in the store for a row without an external id). A row whose external id an earlier import
 * already made is skipped.
 */
export async function importAccounts(
  session: ImportSession,
  file: CsvFile,
): Promise<FileImportReport> {
  const report: FileImportReport = {
    kind: 'accounts',
    rows: file.records.length,
    imported: 0,
    skipped: 0,
    rejections: missingColumns(file.header, requiredAccountColumns),
  };
  if (report.rejections.length > 0) return report;
  const { trx, caller } = session;
  const externalIdRows = new Map<string, number>();
  const nameRows = new Map<string, number>();
  for (const [index, record] of file.records.entries()) {
    const row = spreadsheetRow(index);
    session.progress();
    const parsed = parseAccountRow(record, row);
    if (!parsed.ok) {
      report.rejections.push(...parsed.rejections);
      continue;
    }
    const { externalId, ownerEmail, ...account } = parsed.account;
    const reject = (field: string, rule: string) => report.rejections.push({ row, field, rule });
    if (externalId !== null) {
      const first = externalIdRows.get(externalId);
      if (first !== undefined) {
        reject('external_id', `appears twice in this file (first on row ${first})`);
        continue;
      }
      externalIdRows.set(externalId, row);
      if ((await findImportedEntity(trx, 'account', externalId)) !== undefined) {
        report.skipped += 1;
        continue;
      }
    }
    const firstNamed = nameRows.get(account.name);
    if (firstNamed !== undefined) {
      reject('name', `appears twice in this file (first on row ${firstNamed})`);
      continue;
    }
    nameRows.set(account.name, row);
    if (externalId === null && (await findAccountIdsNamed(trx, account.name)).length > 0) {
      reject(
        'name',
        'an account of this name exists already (an external_id makes re-imports safe)',
      );
      continue;
    }
    const owner = await findUserByEmail(trx, ownerEmail);
    if (owner === undefined) {
      reject('owner_email', 'no user has this e-mail address');
      continue;
    }
    try {
      session.clock.now = session.now;
      const created = await caller.account.create({ ...account, ownerId: owner.id });
      if (externalId !== null) {
        await insertImportKey(trx, {
          kind: 'account',
          externalId,
          entityId: created.id,
          importedAt: session.now,
        });
      }
      report.imported += 1;
    } catch (error) {
      report.rejections.push(rejectionOf(error, { row, column: 'name' }));
    }
  }
  return report;
}
