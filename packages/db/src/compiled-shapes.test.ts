import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { CompiledShapes, insertShape, rowValues } from './compiled-shapes.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from './testing/test-database.ts';

/** An audit entry: a table with nullable columns, written by nothing else in these tests. */
const row = (id: string, entityId: string | null | undefined) => ({
  id,
  at: '2026-11-24T12:00:00.000Z',
  actor_type: 'anonymous',
  actor_id: null,
  action: 'test.compiledShapes',
  entity_id: entityId,
  version_before: null,
  version_after: null,
  details: '{}',
});

describe.each(databaseKinds)('statements compiled once per shape on %s', (kind) => {
  let handle: TestDatabase;
  beforeEach(async () => {
    handle = await createTestDatabase(kind, { postgresUrl: inject('postgresUrl') });
  });
  afterEach(async () => {
    await handle.close();
  });

  const stored = async () =>
    (
      await handle.db.selectFrom('audit_log').select(['id', 'entity_id']).orderBy('id').execute()
    ).map((each) => [each.id, each.entity_id]);

  it('builds a shape once and runs it again with the next values, which are stored', async () => {
    const shapes = new CompiledShapes(handle.db);
    let builds = 0;
    for (const rows of [
      [row('shape-a', 'one'), row('shape-b', 'two')],
      [row('shape-c', 'three'), row('shape-d', null)],
      [row('shape-e', 'five')],
    ]) {
      await shapes.execute({
        shape: insertShape('audit_log', rows),
        parameters: rowValues(rows),
        build: () => {
          builds += 1;
          return handle.db.insertInto('audit_log').values(rows);
        },
      });
    }
    // Two rows twice (one build), then one row (another shape).
    expect(builds).toBe(2);
    expect(await stored()).toEqual(
      expect.arrayContaining([
        ['shape-a', 'one'],
        ['shape-b', 'two'],
        ['shape-c', 'three'],
        ['shape-d', null],
        ['shape-e', 'five'],
      ]),
    );
  });

  it('builds every statement when the values listed are not the compiled parameters', async () => {
    const shapes = new CompiledShapes(handle.db);
    let builds = 0;
    for (const rows of [[row('order-a', 'one')], [row('order-b', 'two')]]) {
      await shapes.execute({
        shape: insertShape('audit_log', rows),
        // Listed in another order than the SQL's placeholders: never reused.
        parameters: rowValues(rows).reverse(),
        build: () => {
          builds += 1;
          return handle.db.insertInto('audit_log').values(rows);
        },
      });
    }
    expect(builds).toBe(2);
    expect(await stored()).toEqual(
      expect.arrayContaining([
        ['order-a', 'one'],
        ['order-b', 'two'],
      ]),
    );
  });

  it('builds every statement when a value is undefined (Kysely leaves it out of the SQL)', async () => {
    const shapes = new CompiledShapes(handle.db);
    let builds = 0;
    for (const rows of [[row('gap-a', undefined)], [row('gap-b', undefined)]]) {
      await shapes.execute({
        shape: insertShape('audit_log', rows),
        parameters: rowValues(rows),
        build: () => {
          builds += 1;
          return handle.db.insertInto('audit_log').values(rows);
        },
      });
    }
    expect(builds).toBe(2);
    expect(await stored()).toEqual(
      expect.arrayContaining([
        ['gap-a', null],
        ['gap-b', null],
      ]),
    );
  });
});
