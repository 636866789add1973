import { DomainError } from '@steadfast/domain';
import { z } from 'zod';
import { type ImportKind, type ImportReport, rejectedRowCount } from '../transfer/import-report.ts';
import { importCsv } from '../transfer/run-import.ts';
import { adminProcedure, createRouter } from '../trpc.ts';

/** Rows one call may carry: a larger history is sent in several calls (each all or nothing). */
export const importRowLimit = 5_000;

/**
 * CSV rows as JSON: each row an object from column name to cell text, exactly as the CSV files
 * the command line imports (see the README for the columns).
 */
const importInputSchema = z.object({
  rows: z
    .array(
      z.record(
        z.string().max(100, 'column names must be at most 100 characters'),
        z.string().max(10_000, 'must be at most 10000 characters'),
      ),
    )
    .min(1, 'must hold at least one row')
    .max(importRowLimit, `must hold at most ${importRowLimit} rows`),
  /** Check every row and report, writing nothing. */
  dryRun: z.boolean().default(false),
});

/**
 * Imports all the rows or none. A rejected row makes it a 400 `import_rejected` that changes
 * nothing, with the whole report (every row, column and rule) in `details.report`.
 */
function importProcedure(kind: ImportKind) {
  return adminProcedure.input(importInputSchema).mutation(async ({ ctx, input }) => {
    const header = [...new Set(input.rows.flatMap((row) => Object.keys(row)))];
    const report: ImportReport = await importCsv(ctx.db, {
      [kind]: { header, records: input.rows },
      // adminProcedure let only a logged-in admin through.
      actorId: ctx.actorId ?? '',
      now: ctx.now(),
      newId: ctx.newId,
      dryRun: input.dryRun,
    });
    const rejected = report.files.reduce((sum, file) => sum + rejectedRowCount(file), 0);
    if (rejected === 0) return report;
    const rows = rejected === 1 ? 'row was' : 'rows were';
    throw new DomainError({
      code: 'import_rejected',
      kind: 'invalid',
      field: 'rows',
      message: `${rejected} ${rows} rejected; nothing was imported.`,
      details: { report },
    });
  });
}

export const importRouter = createRouter({
  accounts: importProcedure('accounts'),
  promises: importProcedure('promises'),
});
