import { partitionOf } from '../intrinsics/partition-of.ts';
import type { ResolveContext } from '../intrinsics/resolve-context.ts';
import { expandForEach } from './expand-for-each.ts';
import type { ExpansionProblem } from './expansion-problem.ts';
import type { ResourceOrigin } from './resource-origin.ts';
import { composeOrigin } from './resource-origin.ts';
import { declaredTransforms, expandSam, usesSam } from './sam/expand-sam.ts';

export const LANGUAGE_EXTENSIONS = 'AWS::LanguageExtensions';

/** A template as the rules see it, and the way back to what was written. */
export interface ExpandedTemplate {
  /** The template with its transforms expanded: plain CloudFormation. */
  readonly template: Readonly<Record<string, unknown>>;
  /** Generated logical id → where it came from; resources written as they are have no entry. */
  readonly origins: ReadonlyMap<string, ResourceOrigin>;
  readonly problems: readonly ExpansionProblem[];
  /**
   * The resources as the user sees them (after `Fn::ForEach`, before SAM): logical id → type. What the
   * summary counts, and what "not checked" names.
   */
  readonly written: ReadonlyMap<string, string>;
  /** The resources as written (after `Fn::ForEach`), for what findings report: their Metadata, say. */
  readonly writtenResources: Readonly<Record<string, unknown>>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typesOf(template: Readonly<Record<string, unknown>>): Map<string, string> {
  const out = new Map<string, string>();
  const resources = isRecord(template.Resources) ? template.Resources : {};
  for (const id in resources) {
    const resource = resources[id];
    if (isRecord(resource)) out.set(id, typeof resource.Type === 'string' ? resource.Type : '');
  }
  return out;
}

function resourcesOf(template: Readonly<Record<string, unknown>>): Readonly<Record<string, unknown>> {
  return isRecord(template.Resources) ? template.Resources : {};
}

const NO_ORIGINS: ReadonlyMap<string, ResourceOrigin> = new Map();

/**
 * Expand what CloudFormation expands before it creates anything: `AWS::LanguageExtensions` (`Fn::ForEach`)
 * first, then the SAM transform. A template with neither comes back as it is, at no cost. `partition` names
 * the partition for AWS managed policy ARNs the SAM transform writes (`aws` when no region says otherwise).
 */
export function expandTemplate(
  template: Readonly<Record<string, unknown>>,
  context: ResolveContext,
): ExpandedTemplate {
  const transforms = declaredTransforms(template);
  const loops = transforms.includes(LANGUAGE_EXTENSIONS);
  const sam = usesSam(template);
  if (!loops && !sam) {
    return {
      template,
      origins: NO_ORIGINS,
      problems: [],
      written: typesOf(template),
      writtenResources: resourcesOf(template),
    };
  }
  let current = template;
  let origins: ReadonlyMap<string, ResourceOrigin> = NO_ORIGINS;
  const problems: ExpansionProblem[] = [];
  if (loops) {
    const expanded = expandForEach(current, context);
    current = expanded.template;
    origins = expanded.origins;
    problems.push(...expanded.problems);
  }
  const written = typesOf(current);
  const writtenResources = resourcesOf(current);
  if (sam) {
    const partition = context.partition ?? (context.region ? partitionOf(context.region) : 'aws');
    const expanded = expandSam(current, partition);
    current = expanded.template;
    const earlier = origins;
    const combined = new Map<string, ResourceOrigin>();
    for (const [id, origin] of earlier) if (!expanded.origins.has(id)) combined.set(id, origin);
    for (const [id, origin] of expanded.origins)
      combined.set(id, earlier.size > 0 ? composeOrigin(origin, earlier) : origin);
    origins = combined;
    problems.push(...expanded.problems.map((p) => mapProblem(p, earlier)));
  }
  return { template: current, origins, problems, written, writtenResources };
}

function mapProblem(
  problem: ExpansionProblem,
  earlier: ReadonlyMap<string, ResourceOrigin>,
): ExpansionProblem {
  const match = /^\/Resources\/([^/]+)(.*)$/.exec(problem.pointer);
  const origin = match ? earlier.get(match[1] as string) : undefined;
  return origin ? { ...problem, pointer: origin.sourcePointer(match?.[2] ?? '') } : problem;
}
