import type { Random } from './random.ts';

/**
 * Deterministic UUIDv7-shaped ids: the 48-bit millisecond of the instant the thing was created,
 * version 7, the RFC 4122 variant, then a counter (unique within one generation) and random bits
 * from the seeded generator. Valid for the domain's `z.uuid()` and sortable by creation time like
 * the ids the app makes.
 */
export function createIdFactory(random: Random): (atMs: number) => string {
  let counter = 0;
  return (atMs) => {
    counter++;
    const time = Math.max(0, Math.floor(atMs)).toString(16).padStart(12, '0');
    const randA = (random.uint32() & 0xfff).toString(16).padStart(3, '0');
    // 2 variant bits + 14 bits of counter's high part, then 16 low counter bits + 32 random.
    const high = 0x8000 | ((counter >>> 16) & 0x3fff);
    const low = (counter & 0xffff).toString(16).padStart(4, '0');
    const tail = random.uint32().toString(16).padStart(8, '0');
    return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${randA}-${high.toString(16)}-${low}${tail}`;
  };
}
