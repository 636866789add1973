import { type Db, type OwnedEntity, ownerOfEntity } from '@steadfast/db';
import { idSchema, type NamedEntity, notFound } from '@steadfast/domain';
import { TRPCError } from '@trpc/server';

/** Input fields that name something hanging off an account. */
const referenceFields: readonly (readonly [string, OwnedEntity])[] = [
  ['accountId', 'account'],
  ['promiseId', 'promise'],
  ['requestId', 'request'],
  ['touchpointId', 'touchpoint'],
];

/** Procedures whose `id` field names an entity of an account. */
const idNames: Readonly<Record<string, OwnedEntity>> = {
  'account.get': 'account',
  'promise.get': 'promise',
  'promise.outcome': 'promise',
  'request.get': 'request',
  'risk.review': 'promise',
};

/** Procedures whose `ownerId` says who the new thing belongs to: a manager may only name themself. */
const creatingForOwner = new Set(['account.create', 'promise.create', 'request.create']);

/**
 * An id worth looking up. A malformed one is left to input validation, which names the field and
 * the rule; looking it up first could fail in the store (PostgreSQL refuses a NUL in text).
 */
function isId(value: unknown): value is string {
  return typeof value === 'string' && idSchema.safeParse(value).success;
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

/** Every (field, entity, id) a raw input names, including each item of a batch. */
function referencesIn(
  path: string,
  input: unknown,
): { field: string; entity: OwnedEntity; id: string }[] {
  const fields = record(input);
  const found: { field: string; entity: OwnedEntity; id: string }[] = [];
  for (const [field, entity] of referenceFields) {
    const id = fields[field];
    if (isId(id)) found.push({ field, entity, id });
  }
  const idEntity = idNames[path];
  if (idEntity !== undefined && isId(fields.id))
    found.push({ field: 'id', entity: idEntity, id: fields.id });
  const of = record(fields.of);
  if (of.scope === 'account' && isId(of.id))
    found.push({ field: 'of.id', entity: 'account', id: of.id });
  if (Array.isArray(fields.observations)) {
    fields.observations.forEach((observation, index) => {
      const accountId = record(observation).accountId;
      if (isId(accountId))
        found.push({ field: `observations.${index}.accountId`, entity: 'account', id: accountId });
    });
  }
  if (Array.isArray(fields.events)) {
    fields.events.forEach((item, index) => {
      const promiseId = record(item).promiseId;
      if (isId(promiseId))
        found.push({ field: `events.${index}.promiseId`, entity: 'promise', id: promiseId });
    });
  }
  return found;
}

/**
 * An account manager works on their own accounts and what hangs off them. Anything else they name
 * is answered as if it did not exist (404: another manager's clients are not disclosed); a new
 * account, promise or request must be their own; another manager's trust score is not theirs to read.
 */
export async function assertOwnWork(options: {
  db: Db;
  path: string;
  input: unknown;
  managerId: string;
}): Promise<void> {
  const { db, path, input, managerId } = options;
  const fields = record(input);
  // A malformed owner id is left to input validation, which names the field and the rule.
  const namesOwner =
    typeof fields.ownerId === 'string' && idSchema.safeParse(fields.ownerId).success;
  if (creatingForOwner.has(path) && namesOwner && fields.ownerId !== managerId) {
    throw new TRPCError({
      code: 'FORBIDDEN',
      message: 'An account manager can only make these for themself.',
    });
  }
  const of = record(fields.of);
  const readsOtherManager =
    (path === 'trust.manager' &&
      typeof fields.userId === 'string' &&
      fields.userId !== managerId) ||
    (of.scope === 'manager' && typeof of.id === 'string' && of.id !== managerId);
  if (readsOtherManager) {
    throw new TRPCError({
      code: 'FORBIDDEN',
      message: "Another manager's trust score is for leaders to read.",
    });
  }
  for (const reference of referencesIn(path, input)) {
    const owner = await ownerOfEntity(db, reference.entity, reference.id);
    if (owner !== undefined && owner !== managerId) {
      throw notFound(reference.entity as NamedEntity, reference.id, reference.field);
    }
  }
}
