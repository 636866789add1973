import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { exportAccountRecords, exportPromiseRecords, type ImportKind } from '@steadfast/api';
import { countAccounts, countPromises } from '@steadfast/db';
import { accountCsvColumns, promiseCsvColumns } from '@steadfast/domain';
import { stringify } from 'csv-stringify';
import type { ServerEnv } from '../env.ts';
import { openCommandStore } from './cli-store.ts';
import { progressOn } from './progress.ts';

/**
 * `steadfast export`: every account or promise as CSV (the columns an import reads), streamed
 * page by page to `out` or stdout. A file is written beside its name and renamed when complete,
 * so a failed export never leaves half a file under the name asked for.
 */
export async function runExportCommand(
  env: ServerEnv,
  options: { kind: ImportKind; out?: string | undefined },
): Promise<number> {
  const handle = await openCommandStore(env);
  const partial = options.out === undefined ? undefined : `${options.out}.partial`;
  try {
    const db = handle.db;
    const [records, columns, total] =
      options.kind === 'accounts'
        ? [exportAccountRecords(db), accountCsvColumns, await countAccounts(db)]
        : [
            exportPromiseRecords(db, { now: new Date().toISOString() }),
            promiseCsvColumns,
            await countPromises(db),
          ];
    // Progress goes to stderr: shown when writing a file, or when a person watches stderr.
    const progress =
      partial !== undefined || process.stderr.isTTY ? progressOn('Exporting', options.kind) : null;
    let done = 0;
    const counted = new Transform({
      objectMode: true,
      transform(record, _encoding, next) {
        done += 1;
        progress?.update(done, total);
        next(null, record);
      },
    });
    const out = partial === undefined ? process.stdout : createWriteStream(partial);
    await pipeline(
      Readable.from(records),
      counted,
      stringify({ header: true, columns: [...columns] }),
      out,
    );
    progress?.update(done, total);
    progress?.stop();
    if (partial !== undefined && options.out !== undefined) {
      renameSync(partial, options.out);
      console.error(`Exported ${done} ${options.kind} to ${options.out}.`);
    }
    return 0;
  } catch (error) {
    if (partial !== undefined) rmSync(partial, { force: true });
    throw error;
  } finally {
    await handle.close();
  }
}
