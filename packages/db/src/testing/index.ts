import './provided-context.ts';

export { startTestPostgres, type TestPostgres } from './postgres-server.ts';
export { storeSnapshot } from './store-snapshot.ts';
export {
  createTestDatabase,
  databaseKinds,
  refuseProjectionUpdates,
  type TestDatabase,
} from './test-database.ts';
