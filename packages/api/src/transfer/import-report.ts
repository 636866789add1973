import type { CsvRecord, RowRejection } from '@steadfast/domain';
import { isDomainError } from '@steadfast/domain';
import { TRPCError } from '@trpc/server';

/** The two kinds of CSV file an import reads. */
export const importKinds = ['accounts', 'promises'] as const;
export type ImportKind = (typeof importKinds)[number];

/** A CSV file as parsed: its header and its records, in file order. */
export interface CsvFile {
  header: readonly string[];
  records: readonly CsvRecord[];
}

/** What an import did, or would do, with one file. */
export interface FileImportReport {
  kind: ImportKind;
  /** Records read (the header not counted). */
  rows: number;
  /** Rows that made a new account or promise (a dry run: would have). */
  imported: number;
  /** Rows an earlier import already made (same external id): left as they are. */
  skipped: number;
  /** Every rule a row broke; one row may break several. */
  rejections: RowRejection[];
}

/** The outcome of an import: its files, and whether anything was written. */
export interface ImportReport {
  dryRun: boolean;
  /** True only when the import was not a dry run and no row was rejected: all or nothing. */
  committed: boolean;
  files: FileImportReport[];
}

/** Was any row of any file rejected? */
export function hasRejections(report: Pick<ImportReport, 'files'>): boolean {
  return report.files.some((file) => file.rejections.length > 0);
}

/** Rows rejected (each counted once, however many rules it broke). */
export function rejectedRowCount(file: FileImportReport): number {
  return new Set(file.rejections.map((rejection) => rejection.row)).size;
}

/** How a column of the CSV is named for a field the API or domain named in its error. */
const columnOfField: Readonly<Record<string, string>> = {
  madeAt: 'made_at',
  'due.at': 'due_at',
  'due.earliest': 'due_earliest',
  'due.latest': 'due_latest',
  ownerId: 'owner_email',
  accountId: 'account',
  title: 'what',
  name: 'name',
  timeZone: 'time_zone',
  customerSince: 'customer_since',
};

/**
 * A write the API refused, as a rejection of the row: the column behind the field it named (else
 * the column whose step was being replayed) and the rule in its words. Anything that is not a
 * refusal of this row (a broken database) is not a rejection: it is thrown again.
 */
export function rejectionOf(error: unknown, at: { row: number; column: string }): RowRejection {
  const cause = error instanceof TRPCError ? error.cause : error;
  if (isDomainError(cause)) {
    const column =
      cause.field === undefined ? at.column : (columnOfField[cause.field] ?? at.column);
    return { row: at.row, field: column, rule: `${cause.message} (${cause.code})` };
  }
  if (error instanceof TRPCError && error.code !== 'INTERNAL_SERVER_ERROR') {
    return { row: at.row, field: at.column, rule: error.message };
  }
  throw error;
}
