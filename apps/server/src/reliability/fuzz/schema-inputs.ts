import fc from 'fast-check';
import { z } from 'zod';
import type { RealIds } from './fuzz-server.ts';

/** The part of JSON Schema that `z.toJSONSchema` writes and the generators read. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
}

type Path = readonly (string | number)[];

/** One place in an input a generated value can break: its path and the schema it must meet there. */
interface Slot {
  path: Path;
  schema: JsonSchema;
  required: boolean;
}

/** A change to a good-looking input: a field taken away or given another value. */
type Breakage =
  | { kind: 'delete' }
  | { kind: 'set'; value: unknown }
  | { kind: 'addKey'; key: string; value: unknown };

export const unknownId = '00000000-0000-7000-8000-00000000dead';
const longText = 'x'.repeat(100_000);

/** The procedure's input as JSON Schema (what a caller sends), or none for a procedure without input. */
export function inputJsonSchema(parser: unknown): JsonSchema | null {
  if (parser === undefined) return null;
  try {
    return z.toJSONSchema(parser as z.ZodType, {
      io: 'input',
      unrepresentable: 'any',
      cycles: 'ref',
    }) as JsonSchema;
  } catch {
    // A schema JSON Schema cannot say (a custom check): fuzz it as "any value".
    return {};
  }
}

function resolve(node: JsonSchema, root: JsonSchema): JsonSchema {
  let current = node;
  for (let hops = 0; current.$ref !== undefined && hops < 10; hops++) {
    const ref = current.$ref;
    const name = ref.startsWith('#/$defs/') ? ref.slice('#/$defs/'.length) : undefined;
    current = ref === '#' ? root : ((name === undefined ? undefined : root.$defs?.[name]) ?? {});
  }
  return current;
}

/** The option of a union the generators follow: the first that is not plain `null`. */
function chosen(node: JsonSchema, root: JsonSchema): JsonSchema {
  const resolved = resolve(node, root);
  const options = resolved.anyOf ?? resolved.oneOf;
  if (options !== undefined) {
    const option = options.find((o) => resolve(o, root).type !== 'null') ?? options[0] ?? {};
    return chosen(option, root);
  }
  if (resolved.allOf?.[0] !== undefined) return chosen(resolved.allOf[0], root);
  return resolved;
}

function typeOf(node: JsonSchema): string | undefined {
  if (Array.isArray(node.type)) return node.type.find((t) => t !== 'null');
  return node.type;
}

/** Every place of the input, the input itself first, down to `maxDepth`. */
export function slotsOf(root: JsonSchema, maxDepth = 6): Slot[] {
  const slots: Slot[] = [];
  const walk = (node: JsonSchema, path: Path, required: boolean) => {
    const schema = chosen(node, root);
    slots.push({ path, schema, required });
    if (path.length >= maxDepth) return;
    if (typeOf(schema) === 'object') {
      for (const [key, child] of Object.entries(schema.properties ?? {})) {
        walk(child, [...path, key], schema.required?.includes(key) ?? false);
      }
    }
    if (typeOf(schema) === 'array' && schema.items !== undefined && schema.maxItems !== 0) {
      walk(schema.items, [...path, 0], true);
    }
  };
  walk(root, [], true);
  return slots;
}

/** Real ids for a field of that name; any real id (or an unknown one) for another. */
function idsFor(field: string, ids: RealIds, procedureGroup: string): string[] {
  const byField: Record<string, keyof RealIds> = {
    accountId: 'account',
    promiseId: 'promise',
    requestId: 'request',
    touchpointId: 'touchpoint',
    termId: 'term',
    teamId: 'team',
    userId: 'user',
    ownerId: 'user',
    tokenId: 'token',
    subscriptionId: 'webhook',
  };
  const byGroup: Record<string, keyof RealIds> = {
    account: 'account',
    promise: 'promise',
    risk: 'promise',
    request: 'request',
    touchpoint: 'touchpoint',
    token: 'token',
    webhook: 'webhook',
  };
  const kind = byField[field] ?? (field === 'id' ? byGroup[procedureGroup] : undefined);
  if (kind !== undefined) return ids[kind];
  return [...Object.values(ids).flat(), unknownId];
}

const inTenDays = new Date(Date.now() + 10 * 86_400_000).toISOString();
const textCandidates = ['09:00', '17:30', '2026-12-01', 'Europe/Amsterdam', 'Fuzzed text', 'x'];

function textFor(schema: JsonSchema, field: string): string {
  if (/timezone/i.test(field)) return 'Europe/Amsterdam';
  const pattern = schema.pattern === undefined ? undefined : safeRegExp(schema.pattern);
  const fits = (text: string) =>
    (pattern?.test(text) ?? true) &&
    text.length >= (schema.minLength ?? 0) &&
    text.length <= (schema.maxLength ?? Number.POSITIVE_INFINITY);
  return textCandidates.find(fits) ?? 'x'.repeat(Math.max(1, schema.minLength ?? 1));
}

function safeRegExp(pattern: string): RegExp | undefined {
  try {
    return new RegExp(pattern);
  } catch {
    return undefined;
  }
}

function numberFor(schema: JsonSchema): number {
  const low = schema.minimum ?? (schema.exclusiveMinimum ?? 0) + 1;
  const high = schema.maximum ?? (schema.exclusiveMaximum ?? low + 2) - 1;
  return Math.min(Math.max(1, low), high);
}

/**
 * Inputs of the right shape, as far as JSON Schema can say: every required field, some optional
 * ones, real ids where ids go. Refinements (a window's order, say) may still make them invalid.
 */
function shapedArbitrary(options: {
  node: JsonSchema;
  root: JsonSchema;
  field: string;
  ids: RealIds;
  group: string;
  depth: number;
}): fc.Arbitrary<unknown> {
  const { root, field, ids, group, depth } = options;
  const schema = chosen(options.node, root);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum !== undefined && schema.enum.length > 0) return fc.constantFrom(...schema.enum);
  const child = (node: JsonSchema, name: string) =>
    shapedArbitrary({ node, root, field: name, ids, group, depth: depth + 1 });
  switch (typeOf(schema)) {
    case 'object': {
      if (depth > 6) return fc.constant({});
      const properties = Object.entries(schema.properties ?? {});
      const model = Object.fromEntries(properties.map(([key, node]) => [key, child(node, key)]));
      return fc.record(model, { requiredKeys: schema.required ?? [] });
    }
    case 'array': {
      if (schema.items === undefined || schema.maxItems === 0 || depth > 6) return fc.constant([]);
      const length = Math.min(Math.max(schema.minItems ?? 0, 1), schema.maxItems ?? 1, 3);
      return fc.array(child(schema.items, field), { minLength: length, maxLength: length });
    }
    case 'string':
      switch (schema.format) {
        case 'uuid':
          return fc.constantFrom(...idsFor(field, ids, group));
        case 'date-time':
          return fc.constantFrom(inTenDays, '2026-11-24T10:00:00.000Z');
        case 'date':
          return fc.constant('2026-12-01');
        case 'email':
          return fc.constant('fuzz@example.com');
        case 'uri':
        case 'url':
          return fc.constant('https://example.com/hooks/fuzz');
        default:
          return fc.constant(textFor(schema, field));
      }
    case 'integer':
    case 'number':
      return fc.constant(numberFor(schema));
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function nested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let level = 0; level < depth; level++) value = level % 2 === 0 ? { a: value } : [value];
  return value;
}

const wrongTypes: unknown[] = ['text', 42, -1, 0, null, true, [], {}, ['a', 1], { a: { b: 1 } }];
const badNumbers: unknown[] = [
  -1,
  -1e308,
  1e308,
  0.5,
  1.5,
  -0.000001,
  2 ** 31,
  2 ** 53 + 2,
  -(2 ** 63),
  'NaN',
  'Infinity',
  '1e308',
  '12',
];
const badTexts: unknown[] = [
  '',
  ' ',
  longText,
  '\u0000',
  'a\u0000b',
  '\ud800',
  "'; drop table accounts; --",
  '../../etc/passwd',
  '🎉'.repeat(2_000),
  '%s%n{{7*7}}',
];
const badUuids: unknown[] = [
  'not-a-uuid',
  '00000000-0000-7000-8000-00000000000g',
  '00000000000070008000000000000001',
  `${unknownId} `,
  unknownId.toUpperCase(),
];
const badInstants: unknown[] = [
  '2026-13-45T99:99:99Z',
  'yesterday',
  '2026-11-24',
  '0000-01-01T00:00:00.000Z',
  '9999-12-31T23:59:59.999Z',
  '+275760-09-13T00:00:00.000Z',
  '1969-12-31T23:59:59.999Z',
  '2026-11-24T10:00:00+25:00',
];
const badEnumValues: unknown[] = ['not-a-value', '', '__proto__', 'constructor', 'toString'];
const pollution: Breakage[] = [
  { kind: 'addKey', key: '__proto__', value: { polluted: true, isAdmin: true } },
  { kind: 'addKey', key: 'constructor', value: { prototype: { polluted: true } } },
  { kind: 'addKey', key: 'prototype', value: { polluted: true } },
  { kind: 'addKey', key: 'unknownField', value: 'surplus' },
];

/** Ways to break the value at one slot, chosen for the kind of value it must be. */
function breakagesFor(slot: Slot, item: fc.Arbitrary<unknown>): fc.Arbitrary<Breakage> {
  const set = (values: unknown[]) =>
    fc.constantFrom(...values).map((value): Breakage => ({ kind: 'set', value }));
  const { schema } = slot;
  const ways: fc.Arbitrary<Breakage>[] = [
    set(wrongTypes),
    fc.jsonValue({ maxDepth: 3 }).map((value): Breakage => ({ kind: 'set', value })),
    set([nested(2_000)]),
  ];
  if (slot.required) ways.push(fc.constant<Breakage>({ kind: 'delete' }));
  const type = typeOf(schema);
  if (schema.enum !== undefined) ways.push(set(badEnumValues));
  if (type === 'integer' || type === 'number') {
    const edges = [schema.minimum, schema.maximum].filter((n) => n !== undefined);
    // The bounds themselves are valid: the largest and smallest values a procedure must handle.
    ways.push(set([...badNumbers, ...edges.flatMap((n) => [n, n - 1, n + 1, n + 0.5])]));
  }
  if (type === 'string') {
    const longest = schema.maxLength === undefined ? [] : [schema.maxLength, schema.maxLength + 1];
    const tooLong = longest.map((length) => '\u00e9'.repeat(length));
    ways.push(set([...badTexts, ...tooLong]));
    if (schema.format === 'uuid') ways.push(set(badUuids));
    if (schema.format === 'date-time' || schema.format === 'date') ways.push(set(badInstants));
  }
  if (type === 'array') {
    const tooMany = Math.min((schema.maxItems ?? 1_000) + 1, 5_001);
    ways.push(
      set([[], [null, null], [[[[]]]]]),
      fc
        .array(item, { minLength: tooMany, maxLength: tooMany })
        .map((value): Breakage => ({ kind: 'set', value })),
    );
  }
  if (type === 'object' || slot.path.length === 0) ways.push(fc.constantFrom(...pollution));
  return fc.oneof(...ways);
}

/** Sets (or deletes) at a path, creating what is missing, keeping keys such as `__proto__` own. */
function applyAt(input: unknown, path: Path, breakage: Breakage): unknown {
  const change = (current: unknown): unknown => {
    if (breakage.kind === 'set') return breakage.value;
    if (breakage.kind === 'addKey') {
      const target = typeof current === 'object' && current !== null ? { ...current } : {};
      Object.defineProperty(target, breakage.key, {
        value: breakage.value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
      return target;
    }
    return undefined;
  };
  const [head, ...rest] = path;
  if (head === undefined) return change(input);
  const container: Record<string | number, unknown> = Array.isArray(input)
    ? ([...input] as unknown as Record<number, unknown>)
    : typeof input === 'object' && input !== null
      ? { ...input }
      : typeof head === 'number'
        ? []
        : {};
  const next = applyAt(container[head], rest, breakage);
  if (next === undefined && rest.length === 0 && breakage.kind === 'delete') {
    delete container[head];
  } else {
    container[head] = next;
  }
  return container;
}

/** A value as the server sees it after JSON: `undefined` when JSON has no text for it. */
export function throughJson(value: unknown): unknown {
  const text = JSON.stringify(value);
  return text === undefined ? undefined : JSON.parse(text);
}

/**
 * Inputs for one procedure: mostly a well-shaped input (real ids included) with one or two
 * places broken, the rest random JSON and random values of any kind.
 */
export function fuzzedInputs(options: {
  schema: JsonSchema | null;
  ids: RealIds;
  group: string;
}): fc.Arbitrary<unknown> {
  const root = options.schema ?? {};
  const shaped = shapedArbitrary({ node: root, root, field: '', ...options, depth: 0 });
  const slots = slotsOf(root);
  const itemOf = (slot: Slot) =>
    slot.schema.items === undefined
      ? fc.constant(null)
      : shapedArbitrary({ node: slot.schema.items, root, field: '', ...options, depth: 1 });
  const breakage = fc
    .constantFrom(...slots)
    .chain((slot) => breakagesFor(slot, itemOf(slot)).map((b) => ({ path: slot.path, b })));
  const broken = fc
    .tuple(shaped, fc.array(breakage, { minLength: 1, maxLength: 2 }))
    .map(([input, breakages]) =>
      breakages.reduce((acc, { path, b }) => applyAt(acc, path, b), input),
    );
  return fc.oneof(
    { weight: 6, arbitrary: broken },
    { weight: 1, arbitrary: shaped },
    { weight: 1, arbitrary: fc.jsonValue() },
    { weight: 1, arbitrary: fc.anything().map(throughJson) },
  );
}
