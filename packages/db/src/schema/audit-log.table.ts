/** One write, as it happened: who, what, when, and the entity's version before and after. */
export interface AuditLogTable {
  id: string;
  at: string;
  /** `user`, `token` or `anonymous`. */
  actor_type: string;
  actor_id: string | null;
  /** The procedure that wrote, e.g. `promise.recordEvent`. */
  action: string;
  entity_id: string | null;
  version_before: number | null;
  version_after: number | null;
  /** The input, secrets removed, as JSON (cut at a few kilobytes). */
  details: string;
}
