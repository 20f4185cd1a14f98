/**
 * The diff data model: what changes when a stack goes from one CloudFormation template to another.
 * Computed once by `diffTemplates` (pure, on copies of the inputs) and rendered separately as JSON,
 * terminal text and Markdown. Every list is in a stable order, so the same inputs give the same bytes.
 */

/** A CloudFormation template as a plain object (parsed from YAML or JSON). */
export type CfnTemplate = Record<string, unknown>;

/**
 * What happens to one resource. `may_replace`: a property whose update may or may not replace the resource
 * changed (CloudFormation decides from the values); `orphan`: removed from the template but kept in the
 * account because of `DeletionPolicy: Retain`.
 */
export type ResourceAction = 'create' | 'update' | 'replace' | 'may_replace' | 'destroy' | 'orphan';

/** Whether changing a property replaces the resource, from the CloudFormation resource spec. */
export type ReplacementMode = 'always' | 'conditional' | 'never';

export type ChangeKind = 'added' | 'removed' | 'modified';

export interface PropertyChange {
  /** `Properties.<Name>` for properties; the attribute name (`DeletionPolicy`, `Metadata`, ...) otherwise. */
  path: string;
  change: ChangeKind;
  /** The value before, `null` when absent. */
  before: unknown;
  /** The value after, `null` when absent. */
  after: unknown;
  replacement: ReplacementMode;
  /** Why, in plain words ("the resource spec marks Engine as create-only"). */
  reason: string;
  /** The leaves that differ inside an object or list value (empty for scalars), at most 50. */
  details: ValueDifference[];
}

/** One differing leaf inside a property value; `null` stands for absent. */
export interface ValueDifference {
  /** Dot path from the resource: `Properties.Policies.0.PolicyDocument.Statement.0.Action`. */
  path: string;
  before: unknown;
  after: unknown;
}

export interface ResourceDiff {
  logicalId: string;
  /** The resource type after the change (before it, for destroyed and orphaned resources). */
  type: string;
  /** The type before the change when it differs (a type change always replaces). */
  previousType: string | null;
  action: ResourceAction;
  /** The component the resource was expanded from (Metadata `copilot:component`), when known. */
  component: string | null;
  /** True for resource types that hold data (databases, buckets, tables, file systems, streams, ...). */
  stateful: boolean;
  /** Property and attribute changes, sorted by path; empty for creates, destroys and orphans. */
  properties: PropertyChange[];
}

export interface IamStatementChange {
  change: 'added' | 'removed';
  effect: string;
  actions: string[];
  resources: string[];
  principals: string[];
  /** The condition block as people read it (`StringEquals aws:SourceAccount = ${AWS::AccountId}`), `null` when there is none. */
  condition: string | null;
}

export interface ManagedPolicyChange {
  change: 'added' | 'removed';
  /** The identity (role, user, group) the policy is attached to. */
  identity: string;
  policyArn: string;
}

export interface SecurityGroupRuleChange {
  change: 'added' | 'removed';
  direction: 'ingress' | 'egress';
  /** The security group (rendered reference such as `${WebSg.GroupId}`). */
  group: string;
  /** `TCP 443`, `All traffic`, `ICMP 8/0`, ... */
  protocol: string;
  /** `Everyone (IPv4)`, a CIDR, a security group or a prefix list. */
  peer: string;
  /** True when the peer is 0.0.0.0/0 or ::/0. */
  openToInternet: boolean;
}

export interface NamedChange {
  name: string;
  change: ChangeKind;
  before: unknown;
  after: unknown;
}

export interface CostDelta {
  currency: 'USD';
  /** Monthly estimate before and after, and after minus before, rounded to cents; null when unknown. */
  monthlyBefore: number | null;
  monthlyAfter: number | null;
  monthlyDelta: number | null;
  /**
   * What the estimates could not price, before and after (`LogicalId (Type): reason`). A side with anything
   * here has a null (unknown) figure, and so has the delta.
   */
  unpriced: { before: string[]; after: string[] };
}

export interface DiffSummary {
  add: number;
  change: number;
  /** Replacements, including the conditional ones (`may_replace`). */
  replace: number;
  destroy: number;
  orphan: number;
}

export interface StackDiff {
  /** Version of this model's shape; bumped on incompatible changes. */
  schemaVersion: 1;
  /** True when nothing at all differs (resources, parameters, outputs, other sections). */
  isEmpty: boolean;
  /** True when the before template was `null` (a stack that does not exist yet). */
  newStack: boolean;
  summary: DiffSummary;
  /** "2 to add, 1 to change, 1 to replace, 0 to destroy" (", 1 to orphan" when there are orphans). */
  summaryLine: string;
  /** Destroys first, then replacements, conditional replacements, orphans, updates, creates; by id within. */
  resources: ResourceDiff[];
  iam: { statements: IamStatementChange[]; managedPolicies: ManagedPolicyChange[] };
  securityGroupRules: SecurityGroupRuleChange[];
  permissionsBroadened: boolean;
  /** Why permissions are considered broadened, one plain sentence per reason, stable order. */
  permissionsBroadenedReasons: string[];
  parameters: NamedChange[];
  outputs: NamedChange[];
  /** Other top-level sections that changed (Conditions, Mappings, Description, Transform, ...). */
  otherSections: string[];
  cost: CostDelta | null;
  /** Unified diff of the two templates as YAML in canonical key order (see canonical-template.ts); "" when equal. */
  unifiedDiff: string;
}
