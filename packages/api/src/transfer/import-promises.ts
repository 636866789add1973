import {
  type Db,
  findAccountIdsNamed,
  findImportedEntity,
  findUserByEmail,
  hasPromiseLike,
  insertImportKey,
} from '@steadfast/db';
import {
  missingColumns,
  type PromiseRow,
  parsePromiseRow,
  promiseRowHistory,
  requiredPromiseColumns,
  spreadsheetRow,
} from '@steadfast/domain';
import { type CsvFile, type FileImportReport, rejectionOf } from './import-report.ts';
import type { ImportSession } from './import-session.ts';

type Found = { ok: true; id: string } | { ok: false; field: string; rule: string };

/** The account a row names: by the external id an import gave it, else by its exact name. */
async function accountNamed(trx: Db, account: string): Promise<Found> {
  const imported = await findImportedEntity(trx, 'account', account);
  if (imported !== undefined) return { ok: true, id: imported };
  const [id, another] = await findAccountIdsNamed(trx, account);
  if (id === undefined)
    return { ok: false, field: 'account', rule: 'no account has this external id or name' };
  if (another !== undefined)
    return {
      ok: false,
      field: 'account',
      rule: 'several accounts have this name: use its external id',
    };
  return { ok: true, id };
}

/**
 * Replays each row of a promise history CSV through `promise.create` and `promise.recordEvent`,
 * each at the moment it happened, so imported promises are measured, closed, scored for trust and
 * counted by calibration exactly as live ones. Each row is checked first: its cells, an account
 * and an owner that exist (accounts may come from the same import), and no promise twice (the same
 * external id in the file; without one, the same account, what and made_at). A row whose external
 * id an earlier import already made is skipped.
 */
export async function importPromises(
  session: ImportSession,
  file: CsvFile,
): Promise<FileImportReport> {
  const report: FileImportReport = {
    kind: 'promises',
    rows: file.records.length,
    imported: 0,
    skipped: 0,
    rejections: missingColumns(file.header, requiredPromiseColumns),
  };
  if (report.rejections.length > 0) return report;
  const externalIdRows = new Map<string, number>();
  const contentRows = new Map<string, number>();
  for (const [index, record] of file.records.entries()) {
    const row = spreadsheetRow(index);
    session.progress();
    const parsed = parsePromiseRow(record, { row, now: session.now });
    if (!parsed.ok) {
      report.rejections.push(...parsed.rejections);
      continue;
    }
    const promise = parsed.promise;
    const reject = (field: string, rule: string) => report.rejections.push({ row, field, rule });
    if (promise.externalId !== null) {
      const first = externalIdRows.get(promise.externalId);
      if (first !== undefined) {
        reject('external_id', `appears twice in this file (first on row ${first})`);
        continue;
      }
      externalIdRows.set(promise.externalId, row);
      if ((await findImportedEntity(session.trx, 'promise', promise.externalId)) !== undefined) {
        report.skipped += 1;
        continue;
      }
    }
    const [account, owner] = await Promise.all([
      accountNamed(session.trx, promise.account),
      findUserByEmail(session.trx, promise.ownerEmail),
    ]);
    if (!account.ok) reject(account.field, account.rule);
    if (owner === undefined) reject('owner_email', 'no user has this e-mail address');
    if (!account.ok || owner === undefined) continue;
    if (promise.externalId === null) {
      const duplicate = await duplicateOf(session, {
        promise,
        accountId: account.id,
        row,
        contentRows,
      });
      if (duplicate !== null) {
        reject('what', duplicate);
        continue;
      }
    }
    try {
      const id = await replay(session, promise, { accountId: account.id, ownerId: owner.id, row });
      if (promise.externalId !== null) {
        await insertImportKey(session.trx, {
          kind: 'promise',
          externalId: promise.externalId,
          entityId: id,
          importedAt: session.now,
        });
      }
      report.imported += 1;
    } catch (error) {
      const step = error instanceof StepRefused ? error : null;
      const at = { row, column: step?.column ?? 'made_at' };
      report.rejections.push(rejectionOf(step === null ? error : step.cause, at));
    }
  }
  return report;
}

/** Why a row without an external id repeats a promise (in this file or the store), or null. */
async function duplicateOf(
  session: ImportSession,
  options: {
    promise: PromiseRow;
    accountId: string;
    row: number;
    contentRows: Map<string, number>;
  },
): Promise<string | null> {
  const { promise, accountId, row, contentRows } = options;
  const key = JSON.stringify([accountId, promise.title, promise.madeAt]);
  const first = contentRows.get(key);
  if (first !== undefined) return `repeats row ${first} (same account, what and made_at)`;
  contentRows.set(key, row);
  const like = { accountId, title: promise.title, madeAt: promise.madeAt };
  if (await hasPromiseLike(session.trx, like))
    return 'this promise exists already (same account, what and made_at; an external_id makes re-imports safe)';
  return null;
}

/** Makes the promise and records what happened to it, each at its own moment; gives its id. */
async function replay(
  session: ImportSession,
  promise: PromiseRow,
  references: { accountId: string; ownerId: string; row: number },
): Promise<string> {
  const { make, steps } = promiseRowHistory(promise, references);
  session.clock.now = make.madeAt ?? session.now;
  const made = await session.caller.promise.create(make);
  let version = made.version;
  for (const step of steps) {
    session.clock.now = step.occurredAt;
    try {
      const next = await session.caller.promise.recordEvent({
        promiseId: made.id,
        expectedVersion: version,
        occurredAt: step.occurredAt,
        event: step.event,
      });
      version = next.version;
    } catch (error) {
      throw new StepRefused(step.field, error);
    }
  }
  return made.id;
}

/** A replayed event the API refused, with the column that asked for it. */
class StepRefused extends Error {
  constructor(
    readonly column: string,
    override readonly cause: unknown,
  ) {
    super(`The ${column} step was refused`);
  }
}
