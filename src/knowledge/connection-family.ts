import type { Connection } from '../model/architecture.ts';
import type { AccessMode, Environment } from '../model/kinds.ts';
import type { Contributions } from './contributions.ts';
import type { KindDefinition, OrgSettings, TargetRef } from './kind-definition.ts';
import type { ResolvedParams } from './params.ts';

export interface ConnectionEnd {
  readonly id: string;
  readonly definition: KindDefinition;
  readonly params: ResolvedParams;
  readonly ref: TargetRef;
}

export interface ConnectionContext {
  readonly connection: Connection;
  readonly from: ConnectionEnd;
  readonly to: ConnectionEnd;
  readonly environment: Environment;
  readonly prod: boolean;
  readonly org: OrgSettings;
  /** Log retention days for the environment (log groups a connection creates). */
  readonly logRetentionDays: number;
  /** `<app>-<env>-<suffix>`, cut to `max` characters: physical names of resources a connection creates. */
  name(suffix: string, max?: number): string;
  readonly contributions: Contributions;
  logicalId(componentId: string, role: string): string;
}

/**
 * A family of connections (data access, triggers, routing, origins): which access modes it serves for a
 * pair of kinds and what a connection contributes (grants, env, security group rules, extra resources).
 */
export interface ConnectionFamily {
  readonly name: string;
  modes(from: KindDefinition, to: KindDefinition): readonly AccessMode[];
  apply(context: ConnectionContext): void;
}
