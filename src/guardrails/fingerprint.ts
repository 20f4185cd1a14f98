/**
 * Two-lane 64-bit string hashes (cyrb53's mixing with two seeds, one pass): 128 bits, plenty to tell
 * findings apart. Each part is hashed in place (no concatenated key), followed by a 0 separator.
 *
 * A run makes thousands of fingerprints for a few hundred rule ids, so the state after the rule id is
 * kept per id, and the 32 hex digits are written into one flat string (no rope of concatenations kept
 * alive by every finding).
 */
const SEED_A1 = 0xdeadbeef ^ 1;
const SEED_A2 = 0x41c6ce57 ^ 1;
const SEED_B1 = 0xdeadbeef ^ 2;
const SEED_B2 = 0x41c6ce57 ^ 2;

/** The four lanes, updated in place (one buffer for the whole process; hashing is synchronous). */
const lanes = new Int32Array(4);

/** Mix a text's char codes into the lanes. */
function mix(text: string): void {
  let a1 = lanes[0] as number;
  let a2 = lanes[1] as number;
  let b1 = lanes[2] as number;
  let b2 = lanes[3] as number;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text.charCodeAt(i);
    a1 = Math.imul(a1 ^ ch, 2654435761);
    a2 = Math.imul(a2 ^ ch, 1597334677);
    b1 = Math.imul(b1 ^ ch, 2654435761);
    b2 = Math.imul(b2 ^ ch, 1597334677);
  }
  lanes[0] = a1;
  lanes[1] = a2;
  lanes[2] = b1;
  lanes[3] = b2;
}

/** Mix the 0 that ends a part. */
function endPart(): void {
  lanes[0] = Math.imul(lanes[0] as number, 2654435761);
  lanes[1] = Math.imul(lanes[1] as number, 1597334677);
  lanes[2] = Math.imul(lanes[2] as number, 2654435761);
  lanes[3] = Math.imul(lanes[3] as number, 1597334677);
}

function feed(text: string): void {
  mix(text);
  endPart();
}

/** Bound on the per-id states (ids come from the built-in pack and the policy's custom rules). */
const MAX_CACHED_IDS = 10_000;
const afterId = new Map<string, Int32Array>();

function startWith(ruleId: string): void {
  const state = afterId.get(ruleId);
  if (state !== undefined) {
    lanes.set(state);
    return;
  }
  lanes[0] = SEED_A1;
  lanes[1] = SEED_A2;
  lanes[2] = SEED_B1;
  lanes[3] = SEED_B2;
  feed(ruleId);
  if (afterId.size >= MAX_CACHED_IDS) afterId.clear();
  afterId.set(ruleId, lanes.slice());
}

/** Char codes of the 32 hex digits, filled per fingerprint. */
const digits: number[] = new Array<number>(32).fill(48);

function putHex(word: number, at: number): void {
  let n = word;
  for (let k = at + 7; k >= at; k -= 1) {
    const d = n & 15;
    digits[k] = d < 10 ? 48 + d : 87 + d;
    n >>>= 4;
  }
}

/** cyrb53's final mix, kept as two 32-bit words (x2 then x1), written as 16 hex digits at `at`. */
function finish(h1: number, h2: number, at: number): void {
  let x1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  x1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  let x2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  x2 ^= Math.imul(x1 ^ (x1 >>> 13), 3266489909);
  putHex(x2, at);
  putHex(x1, at + 8);
}

/**
 * A finding's fingerprint (32 hex digits): stable across runs and processes for the same rule, subject
 * (resource logical id or component id) and JSON pointer; independent of messages and values, so waivers
 * keep matching as values change. A fast non-cryptographic hash: fingerprints identify, they do not protect.
 */
export function fingerprint(ruleId: string, subject: string, pointer: string): string {
  startWith(ruleId);
  feed(subject);
  feed(pointer);
  return digest();
}

/**
 * The same fingerprint for the pointer `head + tail`, hashed from its two pieces: a finding's pointer is a
 * resource pointer plus a shared property suffix, and hashing the joined string would first copy it flat.
 */
export function fingerprintOfPointer(ruleId: string, subject: string, head: string, tail: string): string {
  startWith(ruleId);
  feed(subject);
  mix(head);
  feed(tail);
  return digest();
}

function digest(): string {
  finish(lanes[0] as number, lanes[1] as number, 0);
  finish(lanes[2] as number, lanes[3] as number, 16);
  return String.fromCharCode.apply(null, digits);
}
