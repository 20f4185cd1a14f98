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
  DiffSummary,
  NamedChange,
  PropertyChange,
  ReplacementMode,
  ResourceAction,
  ResourceDiff,
  StackDiff,
} from './stack-diff.ts';
import { costDeltaOf } from './cost-delta.ts';
import {
  broadenedReasonsOf,
  iamStatementChangesOf,
  managedPolicyChangesOf,
  securityGroupRuleChangesOf,
} from './permission-changes.ts';
import { compare } from './sort-rows.ts';
import { summaryLineOf } from './summary-line.ts';
import { unifiedLineDiff } from './unified-line-diff.ts';
import { valueDifferences } from './value-differences.ts';

export interface DiffTemplatesOptions {
  /**
   * Monthly cost estimate (USD) of the stack before the change; 0 is assumed for a new stack; null when it is
   * unknown (something in it has no price).
   */
  costBefore?: number | null;
  /** Monthly cost estimate (USD) after the change; null when unknown (something has no price). */
  costAfter?: number | null;
  /** What the estimates could not price (`LogicalId (Type): reason`), before and after. */
  unpricedBefore?: readonly string[];
  unpricedAfter?: readonly string[];
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

/** The template as the renderer writes it (canonical order, short-form tags), so diff lines read as the file. */
function yamlOf(template: CfnTemplate | null): string {
  if (template === null) return '';
  return renderYaml(template);
}
