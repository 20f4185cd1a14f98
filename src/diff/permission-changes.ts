import type { TemplateDiff } from '@aws-cdk/cloudformation-diff';
import { compare, sortByKey } from './sort-rows.ts';
import type { IamStatementChange, ManagedPolicyChange, SecurityGroupRuleChange } from './stack-diff.ts';

/**
 * The permission side of a diff: IAM statement, managed policy and security group rule changes as rows,
 * and the reasons a change broadens permissions (one per new statement or rule).
 */

/**
 * A rule to 255.255.255.255/32 reaches nothing: it is how a security group says "no egress" (the group's
 * default allow-all egress is replaced by it), so adding it broadens nothing.
 */
function matchesNothing(rule: SecurityGroupRuleChange): boolean {
  return rule.peer === '255.255.255.255/32';
}

/** A condition block as people read it: `StringEquals aws:SourceAccount = ${AWS::AccountId}`, ... */
export function conditionText(condition: unknown): string | null {
  if (condition === undefined || condition === null) return null;
  if (typeof condition !== 'object' || Array.isArray(condition)) return String(condition);
  const parts: string[] = [];
  for (const [operator, keys] of Object.entries(condition as Record<string, unknown>)) {
    if (keys === null || typeof keys !== 'object' || Array.isArray(keys)) {
      parts.push(`${operator} ${valueText(keys)}`);
      continue;
    }
    for (const [key, value] of Object.entries(keys as Record<string, unknown>))
      parts.push(`${operator} ${key} = ${valueText(value)}`);
  }
  return parts.join(' and ');
}

/** A condition value; intrinsics read as `${Name}`, `${Name.Attribute}` or the Sub string. */
function valueText(value: unknown): string {
  if (Array.isArray(value)) return value.map(valueText).join(' or ');
  // cloudformation-diff hands Sub values over as their JSON, like resource targets
  if (typeof value === 'string') return readableSub(value);
  if (value !== null && typeof value === 'object') {
    const intrinsic = value as Record<string, unknown>;
    const sub = intrinsic['Fn::Sub'];
    if (typeof sub === 'string') return sub;
    if (Array.isArray(sub) && typeof sub[0] === 'string') return sub[0];
    if (typeof intrinsic.Ref === 'string') return `\${${intrinsic.Ref}}`;
    const getAtt = intrinsic['Fn::GetAtt'];
    if (Array.isArray(getAtt) && getAtt.length === 2) return `\${${getAtt.join('.')}}`;
  }
  return JSON.stringify(value);
}

function targetsOf(targets: { values: string[]; not: boolean }): string[] {
  const values = targets.values.map(readableSub).sort(compare);
  return targets.not ? values.map((v) => `NOT ${v}`) : values;
}

/**
 * cloudformation-diff writes `Ref` and `GetAtt` targets as `${X.Arn}` but leaves an `Fn::Sub` as its JSON
 * (`{"Fn::Sub":"${T.Arn}/index/*"}`); the Sub's own string already reads that way, so show it instead.
 */
function readableSub(value: string): string {
  // a principal keeps its kind in front: `AWS:{"Fn::Sub":"arn:...:root"}`
  const start = value.indexOf('{"Fn::Sub":');
  if (start < 0) return value;
  try {
    const sub = (JSON.parse(value.slice(start)) as { 'Fn::Sub': unknown })['Fn::Sub'];
    const text = Array.isArray(sub) ? sub[0] : sub;
    return typeof text === 'string' ? value.slice(0, start) + text : value;
  } catch {
    return value;
  }
}

export function iamStatementChangesOf(diff: TemplateDiff): IamStatementChange[] {
  const rows: IamStatementChange[] = [];
  const push = (change: 'added' | 'removed', list: typeof diff.iamChanges.statements.additions) => {
    for (const s of list) {
      rows.push({
        change,
        effect: s.effect,
        actions: targetsOf(s.actions),
        resources: targetsOf(s.resources),
        principals: targetsOf(s.principals),
        condition: conditionText(s.condition),
      });
    }
  };
  push('added', diff.iamChanges.statements.additions);
  push('removed', diff.iamChanges.statements.removals);
  return sortByKey(rows, (r) => [
    r.change,
    r.principals.join(','),
    r.effect,
    r.actions.join(','),
    r.resources.join(','),
    r.condition ?? '',
  ]);
}

export function managedPolicyChangesOf(diff: TemplateDiff): ManagedPolicyChange[] {
  const rows: ManagedPolicyChange[] = [
    ...diff.iamChanges.managedPolicies.additions.map((m) => ({
      change: 'added' as const,
      identity: m.identityArn,
      policyArn: m.managedPolicyArn,
    })),
    ...diff.iamChanges.managedPolicies.removals.map((m) => ({
      change: 'removed' as const,
      identity: m.identityArn,
      policyArn: m.managedPolicyArn,
    })),
  ];
  return sortByKey(rows, (r) => [r.change, r.identity, r.policyArn]);
}

export function securityGroupRuleChangesOf(diff: TemplateDiff): SecurityGroupRuleChange[] {
  const rows: SecurityGroupRuleChange[] = [];
  const sg = diff.securityGroupChanges;
  const push = (
    change: 'added' | 'removed',
    direction: 'ingress' | 'egress',
    list: typeof sg.ingress.additions,
  ) => {
    for (const rule of list) {
      const peer = rule.peer;
      rows.push({
        change,
        direction,
        group: rule.groupId,
        protocol: rule.describeProtocol(),
        peer: rule.describePeer(),
        openToInternet: peer?.kind === 'cidr-ip' && (peer.ip === '0.0.0.0/0' || peer.ip === '::/0'),
      });
    }
  };
  push('added', 'ingress', sg.ingress.additions);
  push('removed', 'ingress', sg.ingress.removals);
  push('added', 'egress', sg.egress.additions);
  push('removed', 'egress', sg.egress.removals);
  return sortByKey(rows, (r) => [r.change, r.direction, r.group, r.protocol, r.peer]);
}

export function broadenedReasonsOf(
  diff: TemplateDiff,
  statements: readonly IamStatementChange[],
  managedPolicies: readonly ManagedPolicyChange[],
  rules: readonly SecurityGroupRuleChange[],
): string[] {
  const reasons: string[] = [];
  for (const s of statements) {
    const who = s.principals.length > 0 ? ` for ${s.principals.join(', ')}` : '';
    const what = `${s.actions.join(', ')} on ${s.resources.join(', ') || '(no resource)'}${who}`;
    if (s.change === 'added' && s.effect === 'Allow') {
      // one reason per statement; what makes it broad is said beside it
      const broad = [
        s.actions.some((a) => a.includes('*')) ? 'wildcard actions' : '',
        s.resources.some((r) => r === '*') ? 'all resources' : '',
        s.principals.some((p) => p === '*' || p === 'AWS:*') ? 'any principal' : '',
      ].filter(Boolean);
      const when = s.condition ? ` when ${s.condition}` : '';
      reasons.push(
        `new IAM statement allows ${what}${when}${broad.length > 0 ? ` (${broad.join(', ')})` : ''}`,
      );
    }
    if (s.change === 'removed' && s.effect === 'Deny') reasons.push(`IAM deny statement removed: ${what}`);
  }
  for (const m of managedPolicies) {
    if (m.change === 'added') reasons.push(`managed policy ${m.policyArn} attached to ${m.identity}`);
  }
  for (const r of rules) {
    if (r.change !== 'added' || matchesNothing(r)) continue;
    const dir = r.direction === 'ingress' ? 'ingress' : 'egress';
    if (r.direction === 'ingress' && r.openToInternet) {
      reasons.push(`new ${dir} from the internet (${r.peer}) on ${r.protocol} to ${r.group}`);
    } else {
      reasons.push(
        `new ${dir} rule ${r.protocol} ${r.direction === 'ingress' ? 'from' : 'to'} ${r.peer} on ${r.group}`,
      );
    }
  }
  // Anything cloudformation-diff flags in IAM that we did not explain (SSO assignments, permission sets).
  if (reasons.length === 0 && diff.iamChanges.permissionsBroadened) {
    reasons.push('IAM Identity Center permissions added');
  }
  return reasons;
}
