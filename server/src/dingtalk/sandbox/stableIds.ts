/**
 * Values that are a pure function of a text key: 53-bit ids, UUID-shaped process-instance ids and keyed PRNG
 * streams. The attendance model derives everything from keys like "seed:check:userid:day", so any window can be
 * answered on its own and two calls for the same window agree. cyrb53 (public domain) is used rather than the
 * 32-bit FNV of prng.ts because ids become database keys downstream: 53 bits keep collisions negligible even over
 * millions of rows.
 */
import { createPrng, type Prng } from './prng';

// Held locally: under jest's vm context every global lookup of `Math` is slow, and this runs millions of times.
const imul = Math.imul;

/** cyrb53: a fast 53-bit string hash with good avalanche; `salt` gives independent hash functions. */
export function hash53(text: string, salt = 0): number {
  let h1 = 0xdeadbeef ^ salt;
  let h2 = 0x41c6ce57 ^ salt;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = imul(h1 ^ ch, 2654435761);
    h2 = imul(h2 ^ ch, 1597334677);
  }
  h1 = imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** The key parts joined the one way every caller joins them. */
export function keyOf(parts: readonly (string | number)[]): string {
  return parts.join(':');
}

/** A uniform float in [0, 1) fixed by the key. */
export function unitOf(parts: readonly (string | number)[]): number {
  return hash53(keyOf(parts)) / 2 ** 53;
}

/** A PRNG stream fixed by the key (independent streams for different keys). */
export function keyedPrng(parts: readonly (string | number)[]): Prng {
  return createPrng(hash53(keyOf(parts)) % 4294967296);
}

/**
 * A positive id with `digits` digits (at most 15), fixed by the key. Row and record ids use 15 digits: DingTalk's
 * are ~11, but downstream they are unique keys and 11 digits would collide within a large corp's history.
 */
export function stableNumericId(parts: readonly (string | number)[], digits = 15): number {
  const low = 10 ** (Math.min(15, Math.max(2, digits)) - 1);
  return low + (hash53(keyOf(parts)) % (9 * low));
}

/** A lowercase UUID-shaped id (DingTalk's procInstId look), fixed by the key. */
export function stableUuid(parts: readonly (string | number)[]): string {
  const key = keyOf(parts);
  // The last 11 hex digits of three salted hashes (written out: this runs once per generated CRM record).
  const hex = (hex11(hash53(key, 1)) + hex11(hash53(key, 2)) + hex11(hash53(key, 3))).slice(0, 32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** The last 11 hex digits of `n`, zero-padded. */
function hex11(n: number): string {
  const h = n.toString(16);
  return h.length >= 11 ? h.slice(-11) : h.padStart(11, '0');
}
