import type { CheckResult, ResourceView, TemplateIndex } from '../../rule.ts';
import { asNumber, combine, fail, PASS, unknown } from './check-result.ts';
import type { CidrRange } from './cidr-range.ts';
import { cidrRange, coversEveryAddress } from './cidr-range.ts';
import { memoized } from './view-memo.ts';

/** Reading ingress rules of AWS::EC2::SecurityGroup (inline list) and AWS::EC2::SecurityGroupIngress. */

export const INGRESS_TYPES = ['AWS::EC2::SecurityGroup', 'AWS::EC2::SecurityGroupIngress'] as const;

export interface OpenIngress {
  /** Dot path of the rule (empty for a standalone AWS::EC2::SecurityGroupIngress). */
  readonly path: string;
  readonly cidr: string;
  readonly protocol: string;
  /** Port range; [0, 65535] when the rule allows every port. */
  readonly from: number;
  readonly to: number;
  readonly allPorts: boolean;
}

function at(prefix: string, field: string): string {
  return prefix === '' ? field : `${prefix}.${field}`;
}

/** An ingress rule's source block, read before its protocol and ports are (they matter only when open). */
interface Source {
  readonly prefix: string;
  readonly cidr: string;
  readonly range: CidrRange;
}

/** The CIDR source of the rule at `prefix`; undefined for other sources; a result when unknown. */
function sourceOf(resource: ResourceView, prefix: string): Source[] | CheckResult {
  const sources: Source[] = [];
  let pending: CheckResult | undefined;
  for (const field of ['CidrIp', 'CidrIpv6']) {
    const r = resource.get(at(prefix, field));
    if (!r.known) pending = unknown(at(prefix, field), r.reason);
    else if (typeof r.value === 'string') {
      const range = cidrRange(r.value);
      if (range) sources.push({ prefix, cidr: r.value.trim(), range });
    }
  }
  return sources.length === 0 && pending ? pending : sources;
}

/** Protocol and ports of the rule at `prefix`; undefined for protocols without ports other than all. */
function portsOf(
  resource: ResourceView,
  source: Source,
): Omit<OpenIngress, 'path' | 'cidr'> | undefined | CheckResult {
  const { prefix } = source;
  const protocolPath = at(prefix, 'IpProtocol');
  const protocol = resource.get(protocolPath);
  if (!protocol.known) return unknown(protocolPath, protocol.reason);
  const proto = String(protocol.value ?? '').toLowerCase();
  if (proto === '-1' || proto === 'all') return { protocol: 'all', from: 0, to: 65535, allPorts: true };
  if (!['tcp', '6', 'udp', '17'].includes(proto)) return undefined;
  const from = resource.get(at(prefix, 'FromPort'));
  if (!from.known) return unknown(at(prefix, 'FromPort'), from.reason);
  const to = resource.get(at(prefix, 'ToPort'));
  if (!to.known) return unknown(at(prefix, 'ToPort'), to.reason);
  let lo = asNumber(from.value) ?? -1;
  let hi = asNumber(to.value) ?? lo;
  if (lo === -1 || hi === -1) {
    lo = 0;
    hi = 65535;
  }
  const name = proto === '6' ? 'tcp' : proto === '17' ? 'udp' : proto;
  return { protocol: name, from: lo, to: hi, allPorts: lo <= 0 && hi >= 65535 };
}

type Ported = Source & Omit<OpenIngress, 'path' | 'cidr'>;

/** Whether `other` admits at least the traffic `rule` admits (same protocol or all, a wider port range). */
function admitsAsMuch(other: Ported, rule: Ported): boolean {
  const protocol = other.protocol === 'all' || other.protocol === rule.protocol;
  return protocol && other.from <= rule.from && other.to >= rule.to;
}

/**
 * The rules open to the whole internet: each rule whose block, together with the blocks of the rules that
 * admit at least the same traffic, covers every address of its family.
 */
function openRules(rules: readonly Ported[]): OpenIngress[] {
  const open: OpenIngress[] = [];
  for (const rule of rules) {
    const ranges = rules.filter((other) => admitsAsMuch(other, rule)).map((other) => other.range);
    if (!coversEveryAddress(ranges, rule.range.family)) continue;
    const { protocol, from, to, allPorts } = rule;
    const alone = coversEveryAddress([rule.range], rule.range.family);
    const cidr = alone
      ? rule.cidr
      : `${rule.cidr} (with the other rules' blocks, every ${rule.range.family === 'ipv4' ? 'IPv4' : 'IPv6'} address)`;
    open.push({ path: rule.prefix, cidr, protocol, from, to, allPorts });
  }
  return open;
}

function describe(rule: OpenIngress): string {
  const ports = rule.allPorts
    ? 'all ports'
    : rule.from === rule.to
      ? `port ${rule.from}`
      : `ports ${rule.from}-${rule.to}`;
  return `${rule.protocol} ${ports} from ${rule.cidr}`;
}

/**
 * Check every ingress rule of the resource: `bad` says whether an internet-open rule is a finding, and
 * returns the expectation in words for the message.
 */
export function checkOpenIngress(
  resource: ResourceView,
  index: TemplateIndex,
  what: string,
  bad: (rule: OpenIngress) => string | undefined,
): CheckResult | readonly CheckResult[] {
  const rules = memoized(index, resource, INGRESS_KEY, readIngress);
  if (!Array.isArray(rules)) return { ...(rules as CheckResult) };
  let results: CheckResult[] | undefined;
  for (const rule of rules as readonly (OpenIngress | CheckResult)[]) {
    let result: CheckResult;
    if ('status' in rule) result = { ...rule };
    else {
      const expected = bad(rule);
      if (expected === undefined) continue;
      result = fail(
        rule.path === '' ? 'CidrIp' : rule.path,
        `${what}: the ingress rule allows ${describe(rule)}; expected ${expected}`,
        { cidr: rule.cidr, protocol: rule.protocol, fromPort: rule.from, toPort: rule.to },
        expected,
      );
    }
    results ??= [];
    results.push(result);
  }
  return results === undefined ? PASS : combine(results);
}

const INGRESS_KEY = 'security-group-ingress';

/**
 * The internet-open ingress rules of the resource and the rules that cannot be read (as unknown results), in
 * order; one unknown result when the list itself is symbolic. Read once per resource and shared by the
 * security group rules (read-only).
 */
function readIngress(resource: ResourceView): readonly (OpenIngress | CheckResult)[] | CheckResult {
  const prefixes: string[] = [];
  if (resource.type === 'AWS::EC2::SecurityGroupIngress') prefixes.push('');
  else {
    const n = resource.length('SecurityGroupIngress');
    if (!n.known) return unknown('SecurityGroupIngress', n.reason);
    for (let i = 0; i < (n.value ?? 0); i++) prefixes.push(`SecurityGroupIngress.${i}`);
  }
  const found: (OpenIngress | CheckResult)[] = [];
  const sources: Source[] = [];
  for (const prefix of prefixes) {
    const read = sourceOf(resource, prefix);
    if (Array.isArray(read)) sources.push(...read);
    else found.push(read as CheckResult);
  }
  // Protocol and ports are read only for blocks that can add up to every address of their family.
  const families = (['ipv4', 'ipv6'] as const).filter((family) =>
    coversEveryAddress(
      sources.map((source) => source.range),
      family,
    ),
  );
  const ported: Ported[] = [];
  for (const source of sources) {
    if (!families.includes(source.range.family)) continue;
    const ports = portsOf(resource, source);
    if (ports === undefined) continue;
    if ('status' in ports) found.push(ports);
    else ported.push({ ...source, ...ports });
  }
  found.push(...openRules(ported));
  return found;
}

export function coversPort(rule: OpenIngress, port: number): boolean {
  return rule.from <= port && port <= rule.to;
}
