import type { TestProject } from 'vitest/node';
import { startTestPostgres } from './postgres-server.ts';
import './provided-context.ts';

/** Vitest global setup: one PostgreSQL for the whole run of a package's tests. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const postgres = await startTestPostgres();
  project.provide('postgresUrl', postgres.url);
  return () => postgres.stop();
}
