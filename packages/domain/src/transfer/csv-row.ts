import type { z } from 'zod';

/** One reason a CSV row was refused: the spreadsheet row, the column and the rule it broke. */
export interface RowRejection {
  /** The row as a spreadsheet numbers it: the header is row 1, the first record row 2. */
  row: number;
  field: string;
  rule: string;
}

/** What a CSV record is once parsed: column name to the cell's text (absent when not given). */
export type CsvRecord = Readonly<Record<string, string | undefined>>;

/** The spreadsheet row of the record at `index` (0-based) in a file with a header line. */
export function spreadsheetRow(index: number): number {
  return index + 2;
}

/**
 * A record with every cell trimmed and blank cells dropped, so a schema's defaults and
 * "is required" apply to them exactly as to a missing column.
 */
export function presentCells(record: CsvRecord): Record<string, string> {
  const cells: Record<string, string> = {};
  for (const [column, value] of Object.entries(record)) {
    const trimmed = value?.trim() ?? '';
    if (trimmed !== '') cells[column] = trimmed;
  }
  return cells;
}

/** Zod's issues as rejections of one row, each naming its column. */
export function rejectionsFrom(row: number, issues: readonly z.core.$ZodIssue[]): RowRejection[] {
  return issues.map((issue) => ({
    row,
    field: issue.path.map(String).join('.') || '(row)',
    rule: issue.message,
  }));
}

/** A header missing one of the columns every row needs: one rejection per missing column. */
export function missingColumns(header: readonly string[], required: readonly string[]) {
  const present = new Set(header.map((column) => column.trim()));
  return required
    .filter((column) => !present.has(column))
    .map((column): RowRejection => ({ row: 1, field: column, rule: 'column is missing' }));
}

/** "is required" for a blank or missing cell, else the schema's own message. */
export function requiredError(rule: string) {
  return (issue: { input?: unknown }) => (issue.input === undefined ? 'is required' : rule);
}
