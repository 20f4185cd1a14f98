import ipaddr from 'ipaddr.js';

/**
 * CIDR blocks as address ranges, parsed with ipaddr.js, so an open range is recognised however it is
 * written (`::0/0`, `0:0:0:0:0:0:0:0/0`, `::ffff:0.0.0.0/96`) and several blocks can add up to everything
 * (`0.0.0.0/1` with `128.0.0.0/1`).
 */

export type AddressFamily = 'ipv4' | 'ipv6';

export interface CidrRange {
  readonly family: AddressFamily;
  readonly start: bigint;
  readonly end: bigint;
}

const BITS: Record<AddressFamily, number> = { ipv4: 32, ipv6: 128 };

function toBigInt(bytes: readonly number[]): bigint {
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  return value;
}

/** The range a CIDR block covers, or undefined when the text is not a CIDR block. */
export function cidrRange(text: string): CidrRange | undefined {
  const trimmed = text.trim();
  if (!ipaddr.isValidCIDR(trimmed)) return undefined;
  let [address, prefix] = ipaddr.parseCIDR(trimmed);
  if (address.kind() === 'ipv6') {
    const v6 = address as ipaddr.IPv6;
    // An IPv4-mapped block (::ffff:a.b.c.d/96+) admits IPv4 clients: judge it as the IPv4 block it maps.
    if (v6.isIPv4MappedAddress() && prefix >= 96) {
      address = v6.toIPv4Address();
      prefix -= 96;
    }
  }
  const family = address.kind();
  const bits = BigInt(BITS[family] - prefix);
  const start = (toBigInt(address.toByteArray()) >> bits) << bits;
  return { family, start, end: start + (1n << bits) - 1n };
}

/** Whether the ranges of one family together cover every address of that family. */
export function coversEveryAddress(ranges: readonly CidrRange[], family: AddressFamily): boolean {
  const sorted = ranges.filter((r) => r.family === family).sort((a, b) => (a.start < b.start ? -1 : 1));
  const last = (1n << BigInt(BITS[family])) - 1n;
  let next = 0n;
  for (const range of sorted) {
    if (range.start > next) return false;
    if (range.end >= next) next = range.end + 1n;
    if (next > last) return true;
  }
  return false;
}
