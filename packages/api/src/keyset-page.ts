import { DomainError } from '@steadfast/domain';

/** Where a page ended in a list ordered by (position, id): an opaque `nextCursor` for the caller. */
export function encodeKeysetCursor(position: string, id: string): string {
  return Buffer.from(JSON.stringify([position, id])).toString('base64url');
}

/** A `nextCursor` read back; anything else a caller sends is a 400 on `cursor`. */
export function decodeKeysetCursor(cursor: string): { position: string; id: string } {
  try {
    const [position, id] = JSON.parse(
      Buffer.from(cursor, 'base64url').toString('utf8'),
    ) as unknown[];
    if (typeof position === 'string' && typeof id === 'string') return { position, id };
  } catch {
    // fall through to the error below
  }
  throw new DomainError({
    code: 'invalid_cursor',
    kind: 'invalid',
    field: 'cursor',
    message: 'must be a nextCursor from an earlier page',
  });
}

/**
 * One page from `limit + 1` rows read: the first `limit`, and a cursor after the last of them when
 * the extra row shows there is more.
 */
export function keysetPage<T extends { id: string }>(
  rows: readonly T[],
  limit: number,
  positionOf: (row: T) => string,
): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  const more = rows.length > limit && last !== undefined;
  return { items, nextCursor: more ? encodeKeysetCursor(positionOf(last), last.id) : null };
}
