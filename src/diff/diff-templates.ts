import {
  fullDiff,
  type PropertyDifference,
  type ResourceDifference,
  ResourceImpact,
  type TemplateDiff,
} from '@aws-cdk/cloudformation-diff';
import { renderYaml } from '../render/render-template.ts';
import { isStatefulResourceType } from './is-stateful-resource-type.ts';
import type {
  CfnTemplate,
  ChangeKind,
  CostDelta,
  DiffSummary,
  IamStatementChange,
  ManagedPolicyChange,
  NamedChange,
  PropertyChange,
  ReplacementMode,
  ResourceAction,
  ResourceDiff,
  SecurityGroupRuleChange,
  StackDiff,
} from './stack-diff.ts';
import { summaryLineOf } from './summary-line.ts';
import { unifiedLineDiff } from './unified-line-diff.ts';
import { valueDifferences } from './value-differences.ts';

export interface DiffTemplatesOptions {
  /** Monthly cost estimate (USD) of the stack before the change; 0 is assumed for a new stack. */
  costBefore?: number;
  /** Monthly cost estimate (USD) after the change. */
  costAfter?: number;
  /** Labels of the unified diff headers; `baseline` and `proposed` by default. */
  labels?: { before: string; after: string };
  /** `after` as `renderYaml` writes it, when the caller has rendered it already. */
  afterYaml?: string;
}

/** Destroys first, then replacements, orphans, updates, creates. */
const ACTION_ORDER: Record<ResourceAction, number> = {
  destroy: 0,
  replace: 1,
  may_replace: 2,
  orphan: 3,
  update: 4,
  create: 5,
};

const REPLACEMENT_RANK: Record<ReplacementMode, number> = { never: 0, conditional: 1, always: 2 };

/**
 * Compares the template of a deployed stack (`null` when the stack does not exist yet) with a proposed one.
 * Pure: the inputs are copied before @aws-cdk/cloudformation-diff normalises them.
 */
export function diffTemplates(
  before: CfnTemplate | null,
  after: CfnTemplate,
  options: DiffTemplatesOptions = {},
): StackDiff {
  // cloudformation-diff normalises what it is given in place: it gets copies; the YAML view only reads.
  const diff = fullDiff(structuredClone(before ?? {}), structuredClone(after));

  const resources = diff.resources.logicalIds
    .map((logicalId) => resourceDiffOf(logicalId, diff.resources.get(logicalId)))
    .filter((r): r is ResourceDiff => r !== null)
    .sort((a, b) => ACTION_ORDER[a.action] - ACTION_ORDER[b.action] || compare(a.logicalId, b.logicalId));

  const summary = summaryOf(resources);
  const statements = iamStatementChangesOf(diff);
  const managedPolicies = managedPolicyChangesOf(diff);
  const securityGroupRules = securityGroupRuleChangesOf(diff);
  const reasons = broadenedReasonsOf(diff, statements, managedPolicies, securityGroupRules);
  const parameters = namedChangesOf(diff.parameters.logicalIds, (id) => diff.parameters.get(id));
  const outputs = namedChangesOf(diff.outputs.logicalIds, (id) => diff.outputs.get(id));
  const otherSections = otherSectionsOf(diff);
  const labels = options.labels ?? { before: 'baseline', after: 'proposed' };
  const unifiedDiff = unifiedLineDiff(yamlOf(before), options.afterYaml ?? yamlOf(after), {
    fromLabel: labels.before,
    toLabel: labels.after,
  });

  return {
    schemaVersion: 1,
    isEmpty:
      resources.length === 0 && parameters.length === 0 && outputs.length === 0 && otherSections.length === 0,
    newStack: before === null,
    summary,
    summaryLine: summaryLineOf(summary),
    resources,
    iam: { statements, managedPolicies },
    securityGroupRules,
    permissionsBroadened: reasons.length > 0,
    permissionsBroadenedReasons: reasons,
    parameters,
    outputs,
    otherSections,
    cost: costDeltaOf(before === null, options),
    unifiedDiff,
  };
}

function resourceDiffOf(logicalId: string, diff: ResourceDifference): ResourceDiff | null {
  const oldType = diff.oldResourceType;
  const newType = diff.newResourceType;
  const newValue = diff.newValue;
  const oldValue = diff.oldValue;
  const type = newType ?? oldType ?? 'Unknown';
  const component = componentOf(newValue) ?? componentOf(oldValue);
  const base = {
    logicalId,
    type,
    previousType: oldType !== undefined && newType !== undefined && oldType !== newType ? oldType : null,
    component,
    stateful: isStatefulResourceType(type) || (oldType !== undefined && isStatefulResourceType(oldType)),
  };
  if (oldType === undefined) return { ...base, action: 'create', properties: [] };
  if (newType === undefined) {
    const orphan = diff.changeImpact === ResourceImpact.WILL_ORPHAN;
    return { ...base, action: orphan ? 'orphan' : 'destroy', properties: [] };
  }
  if (oldType !== newType) {
    return {
      ...base,
      action: 'replace',
      properties: [
        {
          path: 'Type',
          change: 'modified',
          before: oldType,
          after: newType,
          replacement: 'always',
          reason:
            'the resource type changed, so CloudFormation creates a new resource and deletes the old one',
          details: [],
        },
      ],
    };
  }
  const properties: PropertyChange[] = [];
  for (const [name, change] of Object.entries(diff.propertyUpdates)) {
    properties.push(propertyChangeOf(`Properties.${name}`, name, type, change));
  }
  for (const [name, change] of Object.entries(diff.otherChanges)) {
    properties.push({
      path: name,
      change: changeKindOf(change.oldValue, change.newValue),
      before: change.oldValue ?? null,
      after: change.newValue ?? null,
      replacement: 'never',
      reason: `${name} is a template attribute; changing it does not replace the resource`,
      details: valueDifferences(change.oldValue, change.newValue, name),
    });
  }
  if (properties.length === 0) return null;
  properties.sort((a, b) => compare(a.path, b.path));
  const worst = properties.reduce<ReplacementMode>(
    (acc, p) => (REPLACEMENT_RANK[p.replacement] > REPLACEMENT_RANK[acc] ? p.replacement : acc),
    'never',
  );
  const action: ResourceAction =
    worst === 'always' ? 'replace' : worst === 'conditional' ? 'may_replace' : 'update';
  return { ...base, action, properties };
}

function propertyChangeOf(
  path: string,
  name: string,
  type: string,
  change: PropertyDifference<unknown>,
): PropertyChange {
  const { replacement, reason } = replacementOf(name, type, change.changeImpact);
  return {
    path,
    change: changeKindOf(change.oldValue, change.newValue),
    before: change.oldValue ?? null,
    after: change.newValue ?? null,
    replacement,
    reason,
    details: valueDifferences(change.oldValue, change.newValue, path),
  };
}

function replacementOf(
  name: string,
  type: string,
  impact: ResourceImpact | undefined,
): { replacement: ReplacementMode; reason: string } {
  switch (impact) {
    case ResourceImpact.WILL_REPLACE:
      return {
        replacement: 'always',
        reason: `the CloudFormation resource spec says changing ${name} of ${type} requires replacement`,
      };
    case ResourceImpact.MAY_REPLACE:
      return {
        replacement: 'conditional',
        reason: `the CloudFormation resource spec says changing ${name} of ${type} may require replacement, depending on the values`,
      };
    case ResourceImpact.WILL_UPDATE:
      return { replacement: 'never', reason: `${name} of ${type} is updated in place` };
    default:
      if (type.startsWith('Custom::') || type === 'AWS::CloudFormation::CustomResource') {
        return { replacement: 'never', reason: `custom resource properties are updated in place` };
      }
      return {
        replacement: 'conditional',
        reason: `${name} is not in the CloudFormation resource spec for ${type}; replacement cannot be ruled out`,
      };
  }
}

function componentOf(resource: { [key: string]: unknown } | undefined): string | null {
  const metadata = resource?.Metadata;
  if (metadata === null || typeof metadata !== 'object') return null;
  const component = (metadata as Record<string, unknown>)['copilot:component'];
  return typeof component === 'string' ? component : null;
}

function changeKindOf(before: unknown, after: unknown): ChangeKind {
  if (before === undefined) return 'added';
  if (after === undefined) return 'removed';
  return 'modified';
}

function summaryOf(resources: readonly ResourceDiff[]): DiffSummary {
  const summary: DiffSummary = { add: 0, change: 0, replace: 0, destroy: 0, orphan: 0 };
  for (const r of resources) {
    if (r.action === 'create') summary.add++;
    else if (r.action === 'update') summary.change++;
    else if (r.action === 'replace' || r.action === 'may_replace') summary.replace++;
    else if (r.action === 'destroy') summary.destroy++;
    else summary.orphan++;
  }
  return summary;
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
  if (!value.startsWith('{"Fn::Sub":')) return value;
  try {
    const sub = (JSON.parse(value) as { 'Fn::Sub': unknown })['Fn::Sub'];
    const text = Array.isArray(sub) ? sub[0] : sub;
    return typeof text === 'string' ? text : value;
  } catch {
    return value;
  }
}

function iamStatementChangesOf(diff: TemplateDiff): IamStatementChange[] {
  const rows: IamStatementChange[] = [];
  const push = (change: 'added' | 'removed', list: typeof diff.iamChanges.statements.additions) => {
    for (const s of list) {
      rows.push({
        change,
        effect: s.effect,
        actions: targetsOf(s.actions),
        resources: targetsOf(s.resources),
        principals: targetsOf(s.principals),
        condition: s.condition === undefined || s.condition === null ? null : JSON.stringify(s.condition),
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

function managedPolicyChangesOf(diff: TemplateDiff): ManagedPolicyChange[] {
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

function securityGroupRuleChangesOf(diff: TemplateDiff): SecurityGroupRuleChange[] {
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

function broadenedReasonsOf(
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
      reasons.push(`new IAM statement allows ${what}`);
      if (s.actions.some((a) => a.includes('*'))) reasons.push(`wildcard actions allowed: ${what}`);
      if (s.resources.some((r) => r === '*')) reasons.push(`all resources allowed: ${what}`);
      if (s.principals.some((p) => p === '*' || p === 'AWS:*'))
        reasons.push(`any principal allowed: ${what}`);
    }
    if (s.change === 'removed' && s.effect === 'Deny') reasons.push(`IAM deny statement removed: ${what}`);
  }
  for (const m of managedPolicies) {
    if (m.change === 'added') reasons.push(`managed policy ${m.policyArn} attached to ${m.identity}`);
  }
  for (const r of rules) {
    if (r.change !== 'added') continue;
    const dir = r.direction === 'ingress' ? 'ingress' : 'egress';
    if (r.direction === 'ingress' && r.openToInternet) {
      reasons.push(`new ${dir} from the internet (${r.peer}) on ${r.protocol} to ${r.group}`);
    } else {
      reasons.push(
        `new ${dir} rule ${r.protocol} ${r.direction === 'ingress' ? 'from' : 'to'} ${r.peer} on ${r.group}`,
      );
    }
  }
  // Anything cloudformation-diff flags that we did not explain (SSO assignments, permission sets).
  if (reasons.length === 0 && diff.permissionsBroadened) {
    reasons.push('IAM Identity Center permissions added');
  }
  return reasons;
}

function namedChangesOf(
  ids: readonly string[],
  get: (id: string) => { oldValue: unknown; newValue: unknown },
): NamedChange[] {
  return [...ids].sort(compare).map((name) => {
    const d = get(name);
    return {
      name,
      change: changeKindOf(d.oldValue, d.newValue),
      before: d.oldValue ?? null,
      after: d.newValue ?? null,
    };
  });
}

function otherSectionsOf(diff: TemplateDiff): string[] {
  const sections: string[] = [];
  if (diff.awsTemplateFormatVersion?.isDifferent) sections.push('AWSTemplateFormatVersion');
  if (diff.conditions.differenceCount > 0) sections.push('Conditions');
  if (diff.description?.isDifferent) sections.push('Description');
  if (diff.mappings.differenceCount > 0) sections.push('Mappings');
  if (diff.metadata.differenceCount > 0) sections.push('Metadata');
  if (diff.transform?.isDifferent) sections.push('Transform');
  for (const id of diff.unknown.logicalIds) sections.push(id);
  return [...new Set(sections)].sort(compare);
}

function costDeltaOf(newStack: boolean, options: DiffTemplatesOptions): CostDelta | null {
  const after = options.costAfter;
  const before = options.costBefore ?? (newStack ? 0 : undefined);
  if (after === undefined || before === undefined) return null;
  // The delta of the rounded figures, so that before + delta = after as displayed.
  const monthlyBefore = cents(before);
  const monthlyAfter = cents(after);
  return { currency: 'USD', monthlyBefore, monthlyAfter, monthlyDelta: cents(monthlyAfter - monthlyBefore) };
}

function cents(value: number): number {
  return Math.round(value * 100) / 100;
}

/** The template as the renderer writes it (canonical order, short-form tags), so diff lines read as the file. */
function yamlOf(template: CfnTemplate | null): string {
  if (template === null) return '';
  return renderYaml(template);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sortByKey<T>(rows: T[], key: (row: T) => string[]): T[] {
  return rows
    .map((row) => ({ row, k: key(row) }))
    .sort((x, y) => {
      for (let i = 0; i < x.k.length; i++) {
        const c = compare(x.k[i] ?? '', y.k[i] ?? '');
        if (c !== 0) return c;
      }
      return 0;
    })
    .map((x) => x.row);
}
