import type { AuditEntry } from '@steadfast/db';
import type { ApiContext } from '../context.ts';

/** Input fields never written to the audit trail. */
const secretFields = new Set(['password', 'secret']);
const maxDetails = 4000;

function field(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null
    ? (value as Record<string, unknown>)[name]
    : undefined;
}

function firstString(...values: unknown[]): string | null {
  for (const value of values) if (typeof value === 'string') return value;
  return null;
}

/** The audit entry for a successful write: who, what, when, which entity, version before and after. */
export function auditEntryFor(options: {
  ctx: ApiContext;
  id: string;
  path: string;
  input: unknown;
  output: unknown;
}): AuditEntry {
  const { ctx, input, output } = options;
  const versionBefore = field(input, 'expectedVersion');
  const versionAfter = field(output, 'version') ?? field(field(output, 'charter'), 'version');
  const details = JSON.stringify(input ?? null, (key, value) =>
    secretFields.has(key) ? '(secret)' : value,
  );
  const actor =
    ctx.actorId !== null
      ? { actorType: 'user' as const, actorId: ctx.actorId }
      : ctx.token
        ? { actorType: 'token' as const, actorId: ctx.token.id }
        : { actorType: 'anonymous' as const, actorId: null };
  return {
    id: options.id,
    at: ctx.now(),
    ...actor,
    action: options.path,
    entityId: firstString(
      field(output, 'id'),
      field(input, 'promiseId'),
      field(input, 'requestId'),
      field(input, 'touchpointId'),
      field(input, 'accountId'),
      field(input, 'id'),
    ),
    versionBefore: typeof versionBefore === 'number' ? versionBefore : null,
    versionAfter: typeof versionAfter === 'number' ? versionAfter : null,
    details: details.length > maxDetails ? `${details.slice(0, maxDetails)}…` : details,
  };
}
