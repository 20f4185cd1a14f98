import type { CheckResult, ResourceView, TemplateIndex } from '../../rule.ts';
import { asNumber, combine, fail, PASS, unknown } from './check-result.ts';
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

const OPEN = new Set(['0.0.0.0/0', '::/0']);

function at(prefix: string, field: string): string {
  return prefix === '' ? field : `${prefix}.${field}`;
}

/** The rule at `prefix` when it is open to the internet; undefined when it is not; a result when unknown. */
function openRule(resource: ResourceView, prefix: string): OpenIngress | undefined | CheckResult {
  let cidr: string | undefined;
  let pending: CheckResult | undefined;
  for (const field of ['CidrIp', 'CidrIpv6']) {
    const r = resource.get(at(prefix, field));
    if (!r.known) pending = unknown(at(prefix, field), r.reason);
    else if (typeof r.value === 'string' && OPEN.has(r.value.trim())) cidr = r.value.trim();
  }
  if (cidr === undefined) return pending;
  const protocolPath = at(prefix, 'IpProtocol');
  const protocol = resource.get(protocolPath);
  if (!protocol.known) return unknown(protocolPath, protocol.reason);
  const proto = String(protocol.value ?? '').toLowerCase();
  const path = prefix;
  if (proto === '-1' || proto === 'all')
    return { path, cidr, protocol: 'all', from: 0, to: 65535, allPorts: true };
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
  return { path, cidr, protocol: name, from: lo, to: hi, allPorts: lo <= 0 && hi >= 65535 };
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
  const rules: (OpenIngress | CheckResult)[] = [];
  for (const prefix of prefixes) {
    const rule = openRule(resource, prefix);
    if (rule !== undefined) rules.push(rule);
  }
  return rules;
}

export function coversPort(rule: OpenIngress, port: number): boolean {
  return rule.from <= port && port <= rule.to;
}
