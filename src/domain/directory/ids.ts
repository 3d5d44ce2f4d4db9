/**
 * Stable UUIDs from names. ORUK ids are UUIDs; records that Steward ships (taxonomy terms) or derives (a directory
 * service published from a market location) get the same id on every instance, so feeds from two councils agree
 * and re-publishing updates rather than duplicates.
 */

/** 32-bit FNV-1a hash of `text` with a seed, as an unsigned integer. */
function fnv1a(text: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  // Final avalanche (murmur3 fmix32) so nearby names differ in every nibble.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * A deterministic RFC 4122-shaped UUID (version nibble 5, variant 10) for `name`: the same name always gives the
 * same id; different names give different ids with overwhelming probability (128 bits from four seeded hashes).
 * Not cryptographic: never use it for secrets.
 */
export function stableUuid(name: string): string {
  const hex = [1, 2, 3, 4]
    .map((seed) =>
      fnv1a(name, seed * 0x9e3779b1)
        .toString(16)
        .padStart(8, '0'),
    )
    .join('');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True when `value` is a UUID written in the usual 8-4-4-4-12 hex form (any version). */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
