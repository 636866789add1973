export * from './export-csv.ts';
export * from './import-report.ts';
export { type ImportOptions, importCsv } from './run-import.ts';
