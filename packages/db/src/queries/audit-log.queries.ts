import type { Db } from '../schema/database.ts';

export interface AuditEntry {
  id: string;
  at: string;
  actorType: 'user' | 'token' | 'anonymous';
  actorId: string | null;
  action: string;
  entityId: string | null;
  versionBefore: number | null;
  versionAfter: number | null;
  details: string;
}

/** Writes one audit entry; called inside the transaction of the write it records. */
export async function insertAuditEntry(db: Db, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      id: entry.id,
      at: entry.at,
      actor_type: entry.actorType,
      actor_id: entry.actorId,
      action: entry.action,
      entity_id: entry.entityId,
      version_before: entry.versionBefore,
      version_after: entry.versionAfter,
      details: entry.details,
    })
    .execute();
}

/** The latest audit entries, newest first, optionally for one entity. */
export async function listAuditEntries(
  db: Db,
  filter: { entityId?: string | undefined; limit: number },
): Promise<AuditEntry[]> {
  let query = db.selectFrom('audit_log').selectAll();
  if (filter.entityId !== undefined) query = query.where('entity_id', '=', filter.entityId);
  const rows = await query
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    at: row.at,
    actorType: row.actor_type as AuditEntry['actorType'],
    actorId: row.actor_id,
    action: row.action,
    entityId: row.entity_id,
    versionBefore: row.version_before === null ? null : Number(row.version_before),
    versionAfter: row.version_after === null ? null : Number(row.version_after),
    details: row.details,
  }));
}
