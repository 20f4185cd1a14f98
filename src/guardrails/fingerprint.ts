/**
 * Two-lane 64-bit string hashes (cyrb53's mixing with two seeds, one pass): 128 bits, plenty to tell
 * findings apart.
 * Each part is hashed in place (no concatenated key), with a separator between parts.
 */
function hashParts(parts: readonly string[]): string {
  let a1 = 0xdeadbeef ^ 1;
  let a2 = 0x41c6ce57 ^ 1;
  let b1 = 0xdeadbeef ^ 2;
  let b2 = 0x41c6ce57 ^ 2;
  for (let p = 0; p < parts.length; p += 1) {
    const text = parts[p] as string;
    for (let i = 0; i <= text.length; i += 1) {
      const ch = i < text.length ? text.charCodeAt(i) : 0;
      a1 = Math.imul(a1 ^ ch, 2654435761);
      a2 = Math.imul(a2 ^ ch, 1597334677);
      b1 = Math.imul(b1 ^ ch, 2654435761);
      b2 = Math.imul(b2 ^ ch, 1597334677);
    }
  }
  return finish(a1, a2) + finish(b1, b2);
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function hex8(n: number): string {
  return (
    (HEX[(n >>> 24) & 255] as string) +
    (HEX[(n >>> 16) & 255] as string) +
    (HEX[(n >>> 8) & 255] as string) +
    (HEX[n & 255] as string)
  );
}

/** cyrb53's final mix, kept as two 32-bit words (hex of integers is cheaper than of a 53-bit double). */
function finish(h1: number, h2: number): string {
  let x1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  x1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  let x2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  x2 ^= Math.imul(x1 ^ (x1 >>> 13), 3266489909);
  return hex8(x2) + hex8(x1);
}

/**
 * A finding's fingerprint (32 hex digits): stable across runs and processes for the same rule, subject
 * (resource logical id or component id) and JSON pointer; independent of messages and values, so waivers
 * keep matching as values change. A fast non-cryptographic hash: fingerprints identify, they do not protect.
 */
export function fingerprint(ruleId: string, subject: string, pointer: string): string {
  return hashParts([ruleId, subject, pointer]);
}
