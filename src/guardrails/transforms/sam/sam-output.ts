import type { ExpansionProblem } from '../expansion-problem.ts';
import type { PathMapping, ResourceOrigin } from '../resource-origin.ts';
import { mappedOrigin } from '../resource-origin.ts';
import type { SamSource } from './sam-source.ts';

/** A generated resource as the transform writes it. */
export interface CfnResourceOut {
  Type: string;
  Properties?: Record<string, unknown>;
  [attribute: string]: unknown;
}

/** What the SAM transform produces: resources, where each came from, and what it could not model. */
export class SamOutput {
  readonly resources: Record<string, CfnResourceOut> = {};
  readonly origins = new Map<string, ResourceOrigin>();
  readonly problems: ExpansionProblem[] = [];

  constructor(
    /** Partition for the ARNs of AWS managed policies named in `Policies` (`aws` unless told otherwise). */
    readonly partition: string,
  ) {}

  /**
   * Add a generated resource. `mappings` pair generated property paths (`/Properties/TracingConfig`) with
   * source pointers; anything unmapped is reported on the SAM resource itself.
   */
  emit(id: string, resource: CfnResourceOut, source: SamSource, mappings: readonly PathMapping[] = []): void {
    this.resources[id] = resource;
    this.origins.set(
      id,
      mappedOrigin(
        source.logicalId,
        source.type,
        `${resource.Type} ${id} made by the SAM transform`,
        source.pointer,
        mappings,
      ),
    );
  }

  problem(source: SamSource, pointer: string, message: string): void {
    this.problems.push({ pointer, resource: source.logicalId, message });
  }

  /** The ARN of an AWS managed policy (`service-role/AWSLambdaBasicExecutionRole`). */
  managedPolicyArn(name: string): string {
    return `arn:${this.partition}:iam::aws:policy/${name}`;
  }
}

/** Mappings for properties copied under the same name: `/Properties/<name>` → where `<name>` was written. */
export function sameNames(source: SamSource, names: readonly string[]): PathMapping[] {
  return names
    .filter((name) => source.get(name) !== undefined)
    .map((name) => [`/Properties/${name}`, source.at(name)]);
}

/** Copy the properties that are set, under the same names. */
export function copyProperties(
  source: SamSource,
  names: readonly string[],
  into: Record<string, unknown>,
): void {
  for (const name of names) {
    const value = source.get(name);
    if (value !== undefined) into[name] = value;
  }
}

/** A SAM `Tags` map as a CloudFormation tag list, with SAM's own `<key>: SAM` tag first. */
export function tagList(createdByKey: string | undefined, tags: unknown): { Key: string; Value: unknown }[] {
  const out: { Key: string; Value: unknown }[] = createdByKey ? [{ Key: createdByKey, Value: 'SAM' }] : [];
  if (typeof tags === 'object' && tags !== null && !Array.isArray(tags)) {
    for (const [Key, Value] of Object.entries(tags)) out.push({ Key, Value });
  }
  return out;
}

/** Resource attributes SAM passes through to the main resource it makes. */
export function attributes(source: SamSource): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of ['Condition', 'DependsOn', 'DeletionPolicy', 'UpdateReplacePolicy', 'Metadata']) {
    if (source.raw[name] !== undefined) out[name] = source.raw[name];
  }
  return out;
}
