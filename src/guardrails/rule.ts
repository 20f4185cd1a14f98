import type { z } from 'zod';
import type { Architecture, Component, Connection } from '../model/architecture.ts';
import type { ComponentKind } from '../model/kinds.ts';
import type { Operation } from '../model/operations.ts';

/**
 * The guardrail rule contract. One rule per file under src/guardrails/rules/<service>/<rule-id>.ts, the file
 * name equal to the rule id, the default export built with `defineTemplateRule` or `defineArchitectureRule`.
 * Rules are pure: no I/O, no shared mutable state, no scans over all resources (the index gives lookups).
 */

export type Severity = 'error' | 'warning' | 'info';
export type FindingStatus = 'fail' | 'unknown' | 'waived';

/** The outcome of resolving a value through CloudFormation intrinsics. */
export type Resolved<T = unknown> =
  | { readonly known: true; readonly value: T }
  | { readonly known: false; readonly reason: string };

/** RFC 6902 operation on the template; paths are JSON pointers from the template root. */
export type JsonPatchOp =
  | { op: 'add' | 'replace'; path: string; value: unknown }
  | { op: 'remove'; path: string };

/** A resource as a rule sees it. Paths are dot paths with numeric segments for lists: `A.B.0.C`. */
export interface ResourceView {
  readonly logicalId: string;
  readonly type: string;
  /** JSON pointer of the resource: `/Resources/<logicalId>`. */
  readonly pointer: string;
  /** The resource as written (Properties, DeletionPolicy, UpdateReplacePolicy, Metadata, Condition, ...). */
  readonly raw: Readonly<Record<string, unknown>>;
  /** The component id this resource was expanded from (Metadata `copilot:component`), when known. */
  readonly component: string | undefined;
  /**
   * A property value with intrinsics resolved where they can be (Ref to parameters, Fn::If, Fn::Sub,
   * Fn::Join, Fn::Select, Fn::FindInMap). Absent properties resolve to `{known: true, value: undefined}`.
   * A value that depends on Fn::GetAtt, a Ref to a resource, or an unresolvable condition is unknown.
   */
  get(path: string): Resolved;
  /**
   * Whether a property is set at all, even to a value known only at deploy time (`!GetAtt Key.Arn` is set).
   * `{known: true, value: false}` when absent or `Ref: AWS::NoValue`; unknown only when an unresolvable
   * Fn::If (or a symbolic parent) decides it. (Additive to the original contract.)
   */
  has(path: string): Resolved<boolean>;
  /**
   * Number of items of the list at `path` (items removed by `AWS::NoValue` not counted); `undefined` when the
   * property is absent or not a list; unknown when the list itself is symbolic. Iterate with
   * `get(path + "." + i + ".X")` to keep unknowns per item. (Additive to the original contract.)
   */
  length(path: string): Resolved<number | undefined>;
  /** JSON pointer of a property path: `/Resources/<id>/Properties/A/B/0/C`. */
  pointerOf(path: string): string;
  /** Logical ids this resource's properties reference (Ref / GetAtt / Sub), resolved to resources only. */
  readonly references: readonly string[];
}

/** The indexed template, built once per evaluation; every lookup is O(1) or O(result). */
export interface TemplateIndex {
  readonly template: Readonly<Record<string, unknown>>;
  readonly resources: readonly ResourceView[];
  resource(logicalId: string): ResourceView | undefined;
  byType(type: string): readonly ResourceView[];
  /** Resources whose properties reference `logicalId`. */
  referencedBy(logicalId: string): readonly ResourceView[];
}

export interface RuleContext<P> {
  readonly index: TemplateIndex;
  /** The rule's parameters after policy overrides, parsed with the rule's `params` schema. */
  readonly params: P;
  readonly team: string | null;
  readonly environment: string | null;
  /** The evaluation date (the context's `now`, else the moment the evaluation started): date-bound rules judge against it. */
  readonly now: Date;
}

/** What a rule says about one resource or component. A rule may return several (one per list item, say). */
export type CheckResult =
  | { readonly status: 'pass' }
  | {
      readonly status: 'fail';
      /** Plain words with the actual and the expected value. */
      readonly message: string;
      /** Property path (dot form) the finding is about, when there is one. */
      readonly path?: string;
      readonly actual?: unknown;
      readonly expected?: unknown;
    }
  | { readonly status: 'unknown'; readonly reason: string; readonly path?: string };

export interface TemplateFix<P> {
  /** What the fix does, in plain words ("enable versioning"). */
  readonly description: string;
  /** Safe fixes are applied automatically to proposals when the rule's severity is `error`. */
  readonly safe: boolean;
  patch(resource: ResourceView, context: RuleContext<P>): JsonPatchOp[];
  /** The same fix as edit operations on the architecture, when the resource came from a component. */
  operations?(resource: ResourceView, context: RuleContext<P>): Operation[];
}

interface RuleMeta<P> {
  /** kebab-case, equal to the file name: `s3-bucket-encryption`. */
  readonly id: string;
  readonly title: string;
  readonly severity: Severity;
  /** Why the rule exists, in one or two sentences. */
  readonly rationale: string;
  /** How to make it pass. */
  readonly remediation: string;
  /** Equivalent checks elsewhere: `CKV_AWS_19`, `AwsSolutions-S1`, doc links. Empty only when none exist. */
  readonly references: readonly string[];
  /** Parameters a policy can set, with defaults (allowed regions, budgets, ...). */
  readonly params?: z.ZodType<P>;
}

export interface TemplateRule<P = Record<string, never>> extends RuleMeta<P> {
  readonly level: 'template';
  readonly resourceTypes: readonly string[];
  check(resource: ResourceView, context: RuleContext<P>): CheckResult | readonly CheckResult[];
  readonly fix?: TemplateFix<P>;
}

export interface ArchitectureContext<P> {
  readonly architecture: Architecture;
  readonly params: P;
  component(id: string): Component | undefined;
  connectionsFrom(id: string): readonly Connection[];
  connectionsTo(id: string): readonly Connection[];
  /** Monthly cost estimate in USD for the whole architecture and per component, when one was computed. */
  readonly cost: ArchitectureCost | undefined;
}

/** A monthly cost estimate in USD of an architecture, for budget rules. */
export interface ArchitectureCost {
  /** The sum of what could be priced: the whole cost only when `unpriced` is empty. */
  readonly total: number;
  /**
   * This architecture's resources without a price (`LogicalId (Type): reason`): the cost is then unknown, and
   * a budget rule that the priced part does not already break answers `unknown`, never `pass`.
   */
  readonly unpriced?: readonly string[];
  readonly byComponent: Readonly<Record<string, number>>;
  /** What the team already runs elsewhere, when the caller knows (budget rules). */
  readonly team?: TeamDeployedCost;
}

/**
 * The monthly cost of a team's other deployed stacks (their current baselines), computed by the caller that
 * has the store; the stack being proposed is not among them (the proposal replaces its baseline).
 */
export interface TeamDeployedCost {
  readonly stacks: readonly {
    readonly stackName: string;
    readonly monthly: number;
    /** Resources the estimate could not price (`LogicalId (Type)`): listed, never counted as zero. */
    readonly unpriced: readonly string[];
  }[];
}

export interface ArchitectureFix<P> {
  readonly description: string;
  readonly safe: boolean;
  operations(subject: Component | undefined, context: ArchitectureContext<P>): Operation[];
}

export interface ArchitectureRule<P = Record<string, never>> extends RuleMeta<P> {
  readonly level: 'architecture';
  /** The rule runs once per component of these kinds; `'architecture'` runs it once for the whole graph. */
  readonly scope: readonly ComponentKind[] | 'architecture';
  check(
    subject: Component | undefined,
    context: ArchitectureContext<P>,
  ): CheckResult | readonly CheckResult[];
  readonly fix?: ArchitectureFix<P>;
}

export type AnyRule = TemplateRule<never> | ArchitectureRule<never>;

export function defineTemplateRule<P = Record<string, never>>(
  rule: Omit<TemplateRule<P>, 'level'>,
): TemplateRule<P> {
  return { ...rule, level: 'template' };
}

export function defineArchitectureRule<P = Record<string, never>>(
  rule: Omit<ArchitectureRule<P>, 'level'>,
): ArchitectureRule<P> {
  return { ...rule, level: 'architecture' };
}

/** A finding as the API returns it (contract: ../shared/DESIGN.md). */
export interface Finding {
  ruleId: string;
  title: string;
  severity: Severity;
  status: FindingStatus;
  resource?: string;
  resourceType?: string;
  component?: string;
  /** JSON pointer into the template (template rules) or the architecture (architecture rules). */
  path?: string;
  message: string;
  remediation?: string;
  fix?: { description: string; safe: boolean; patch?: JsonPatchOp[]; operations?: Operation[] };
  references: string[];
  /** Stable across runs for the same rule, resource/component and path: what waivers can target. */
  fingerprint: string;
  /** Present when status is `waived`. */
  waiverId?: string;
  /**
   * Present when the rule checked a resource a transform made (`HelloRole`, an `AWS::IAM::Role` the SAM
   * transform made from `Hello`): `resource` and `path` then name what the user wrote.
   */
  generated?: { logicalId: string; type: string; by: string };
  /**
   * A suppression the template itself declares for this finding (cfn-guard, cfn_nag, cdk-nag or Checkov
   * metadata). Shown always; `honoured` (the finding is then `waived`) only where the org policy allows it.
   */
  suppressedInTemplate?: { by: string; id: string; reason?: string; honoured: boolean };
}
