import type { Architecture, Component, Connection, ParamValue } from '../model/architecture.ts';
import type { AccessMode, ComponentKind, Environment } from '../model/kinds.ts';
import type { CfnObject, CfnOutput, CfnParameter, CfnResource, CfnValue } from './cfn.ts';
import type { ApiEndpoint, UserPoolAuthorizer } from './api-endpoint.ts';
import type { ParamSpec, ResolvedParams } from './params.ts';

/** An IAM policy statement as the knowledge base writes it: always Allow, always explicit actions. */
export interface PolicyStatement {
  Sid: string;
  Effect: 'Allow';
  Action: string[];
  Resource: CfnValue[];
  Condition?: CfnObject;
}

/** A resource before the expander adds logical id, Metadata and tags. */
export type ResourceDraft = Omit<CfnResource, 'Metadata'> & { Metadata?: CfnObject };

/** Security group rule admitting (or reaching) a peer security group on one port. */
export interface PeerRule {
  peer: string;
  peerSecurityGroup: CfnValue;
  port: number;
  description: string;
}

/** What connections contribute to one component before it expands. */
export interface Inbound {
  /** Statements for the component's workload role (least privilege, scoped to target ARNs). */
  statements: PolicyStatement[];
  /** Plain environment variables (endpoints, names, URLs, secret ARNs). */
  env: Record<string, CfnValue>;
  /** Secret references (name → secret ARN) for runtimes that resolve them (ECS `Secrets`). */
  secrets: Record<string, CfnValue>;
  /** Peers allowed into this component's security group. */
  ingress: PeerRule[];
  /** Peers this component's security group may reach. */
  egress: PeerRule[];
  /** Load balancer target groups the component registers into (and the listener it must wait for). */
  targetGroups: { targetGroup: CfnValue; port: number; dependsOn: string }[];
  /** Targets a load balancer forwards to (its `route` connections). */
  routes: { peer: string; targetGroup: CfnValue }[];
  /** Origins a distribution serves (its `origin` connections). */
  origins: { peer: string; domainName: CfnValue; type: 's3' | 'https' }[];
  /** Domain names pointing at this component (a `dns` route to a distribution or load balancer). */
  aliases: { peer: string; domainName: CfnValue }[];
  /** Statements for the role that starts the workload (ECS task execution role: image pulls, secrets). */
  executionStatements: PolicyStatement[];
  /** File systems to mount (a `file_system` connection). */
  mounts: {
    peer: string;
    fileSystemId: CfnValue;
    accessPointId: CfnValue;
    accessPointArn: CfnValue;
    dependsOn: string[];
  }[];
  /** Whether the component must run inside the VPC (a function that reaches a VPC resource). */
  needsVpc: boolean;
  /** Statements for the component's resource policy (a queue that a topic or rule delivers to). */
  resourcePolicy: CfnObject[];
  /** Features connections switch on (for example `eventbridge-notifications` on a bucket). */
  features: string[];
  /** A delivery stream's Kinesis source (`trigger` from a stream) and destinations (its `write` connections). */
  deliverySources: { peer: string; arn: CfnValue }[];
  deliveryDestinations: { peer: string; kind: 'bucket' | 'search'; arn: CfnValue }[];
  /** An API's routes to its targets (its `route` connections). */
  apiEndpoints: ApiEndpoint[];
  /** The user pool authorizing an API or a load balancer (its `auth` connection). */
  authorizers: UserPoolAuthorizer[];
}

export interface NetworkRefs {
  vpcId: CfnValue;
  vpcCidr: CfnValue;
  privateSubnets: CfnValue[];
  publicSubnets: CfnValue[];
}

export interface OrgSettings {
  /** Cost centre tag; the team when not set. */
  costCenter?: string;
  /** Extra tags on every taggable resource. */
  tags?: Record<string, string>;
  /** KMS key ARN for log groups (the key policy must allow CloudWatch Logs); AWS-owned encryption when unset. */
  logKmsKeyArn?: string;
  /** NAT gateways: none, one shared, or one per AZ. Default: single outside prod, per-az in prod. */
  nat?: 'none' | 'single' | 'per-az';
}

/** What a kind's expand function sees. */
export interface KindContext {
  readonly component: Component;
  readonly id: string;
  readonly params: ResolvedParams;
  readonly environment: Environment;
  readonly prod: boolean;
  readonly architecture: Architecture;
  readonly org: OrgSettings;
  readonly inbound: Inbound;
  /** `<app>-<env>-<component>` (optionally suffixed), cut to `max` characters. */
  name(suffix?: string, max?: number): string;
  /** Logical id of a role of this component (or of another component). */
  logicalId(role: string, componentId?: string): string;
  /** The network; only call when the component needs it (kinds with `network: 'always'`, or inbound.needsVpc). */
  network(): NetworkRefs;
  parameter(name: string, definition: CfnParameter): CfnObject;
  output(name: string, output: CfnOutput): void;
  /** Log retention days for the environment. */
  readonly logRetentionDays: number;
  /** DeletionPolicy/UpdateReplacePolicy for stateful resources: Snapshot where supported (every environment), else Retain in prod. */
  statefulPolicy(snapshot?: boolean): Pick<CfnResource, 'DeletionPolicy' | 'UpdateReplacePolicy'>;
}

/** The ARNs and names a connection needs to reach a target component. */
export interface TargetRef {
  readonly id: string;
  readonly params: ResolvedParams;
  logicalId(role: string): string;
  /** A statement id for a connection: PascalCase of the target and the purpose. */
  sid(purpose: string): string;
  /** `UPPER_SNAKE` prefix for environment variables naming the target: `ORDERS_DB`. */
  readonly envPrefix: string;
}

/** What a consumer gets for one access mode on a target. */
export interface Grant {
  statements: PolicyStatement[];
  /** Statements for the role that starts the workload (ECS execution role), when it differs. */
  executionStatements?: PolicyStatement[];
  /** A file system mount for the consumer. */
  mount?: Inbound['mounts'][number];
  env?: Record<string, CfnValue>;
  secrets?: Record<string, CfnValue>;
}

export interface DataTargetTrait {
  /** IAM statements and environment for each access mode a compute may use on this kind. */
  readonly access: Partial<Record<AccessMode, (target: TargetRef) => Grant>>;
  /** VPC data stores: the port consumers reach and the security group role; consumers join the VPC. */
  readonly network?: { port: (target: TargetRef) => number; securityGroupRole: string };
}

export interface ComputeTrait {
  /** The role of the IAM role that receives connection grants. */
  readonly workloadRole: string;
  /** The role of the security group when the compute is in the VPC. */
  readonly securityGroupRole?: string;
  /** The attribute of that resource giving the group id (`GroupId` unless the group is made by AWS). */
  readonly securityGroupAttribute?: string;
  /** Whether the compute can join the VPC to reach VPC data stores. */
  readonly canJoinVpc: boolean;
  /** Whether the compute uses data stores and services through `read`/`write`/`publish`/... connections. */
  readonly usesData: boolean;
  /** Data kinds the compute never connects to, with the reason (a grant there would mislead). */
  readonly notConnectable?: Readonly<Partial<Record<ComponentKind, string>>>;
  /** How the compute is invoked by triggers, if it can be. */
  readonly triggerTarget?: 'lambda' | 'states' | 'ecs';
}

/** A connection as one of its components sees it: the connection and the kind at the other end. */
export interface ComponentLink {
  readonly connection: Connection;
  readonly peerKind: ComponentKind;
}

/** What a kind's `refine` sees: its params as resolved, the params as given, and its connections. */
export interface RefineInput {
  readonly id: string;
  readonly params: ResolvedParams;
  /** The params as the architecture gives them (to tell a default from an explicit choice). */
  readonly given: Readonly<Record<string, ParamValue>>;
  /** Connections from this component, then to it, in expansion order. */
  readonly outgoing: readonly ComponentLink[];
  readonly incoming: readonly ComponentLink[];
}

export interface KindDefinition {
  readonly kind: ComponentKind;
  readonly title: string;
  readonly description: string;
  /** The main CloudFormation resource types the kind expands into. */
  readonly awsResources: readonly string[];
  readonly params: readonly ParamSpec[];
  /** Whether the kind lives in the VPC: always, never, or only when it reaches a VPC resource. */
  readonly network: 'always' | 'never' | 'when-connected';
  readonly compute?: ComputeTrait;
  readonly data?: DataTargetTrait;
  /** Roles of resources this kind creates, keyed by purpose, that connection families refer to. */
  readonly roles?: Readonly<Record<string, string>>;
  /**
   * Params that follow from the component's connections (an API's flavour), and combinations of
   * connections the kind cannot build (an ExpansionError naming them), settled before any connection
   * expands, so every connection sees the final params.
   */
  refine?(input: RefineInput): ResolvedParams;
  expand(context: KindContext): Record<string, ResourceDraft>;
}

export function defineKind(definition: KindDefinition): KindDefinition {
  return definition;
}
