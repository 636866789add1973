import { createReadStream } from 'node:fs';
import type { CsvFile } from '@steadfast/api';
import type { CsvRecord } from '@steadfast/domain';
import { parse } from 'csv-parse';

/**
 * Reads a CSV file with a header line: its column names and its records. A byte-order mark (as
 * spreadsheets write) is dropped; empty lines are skipped; a row with fewer or more cells than the
 * header is kept, so the import can name the cells it lacks.
 */
export async function readCsvFile(path: string): Promise<CsvFile> {
  let header: string[] = [];
  const source = createReadStream(path);
  const parser = source.pipe(
    parse({
      bom: true,
      columns: (names: string[]) => {
        header = names.map((name) => name.trim());
        return header;
      },
      skip_empty_lines: true,
      relax_column_count: true,
    }),
  );
  // pipe() does not pass a read error (a missing file) on: the parser fails with it.
  source.once('error', (error) => parser.destroy(error));
  const records: CsvRecord[] = [];
  for await (const record of parser) records.push(record as CsvRecord);
  return { header, records };
}
