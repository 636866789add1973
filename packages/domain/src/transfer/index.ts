export * from './account-row.ts';
export * from './csv-export.ts';
export * from './csv-row.ts';
export * from './promise-row.ts';
export * from './promise-row-history.ts';
