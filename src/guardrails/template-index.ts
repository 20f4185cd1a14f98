/**
 * The template index rules run against. Built once per evaluation, linear in the template's size.
 *
 * HOW RULES READ VALUES (for rule authors):
 * - `resource.get('A.B.0.C')` resolves intrinsics: Ref to parameters (supplied values, else Default), pseudo
 *   parameters when the context supplies them, Fn::If (conditions evaluated), Fn::Sub, Fn::Join,
 *   Fn::Select, Fn::Split, Fn::FindInMap, Fn::Base64. Absent → `{known: true, value: undefined}`.
 *   Anything depending on Fn::GetAtt, a Ref to a resource, Fn::ImportValue, Fn::GetAZs, an unsupplied
 *   pseudo parameter or an undecidable condition → `{known: false, reason}`: return
 *   `{status: 'unknown', reason}` for it, never `fail`. An object or list is unknown when ANY part of it is,
 *   so ask for the most specific path you need.
 * - "Is it set at all?" → `resource.has('KmsMasterKeyId')`: `{known: true, value: true}` also when the value
 *   is symbolic (`!GetAtt Key.Arn`, `!Ref Key`). Use it for "property exists" rules, and `get` only when you
 *   need the value.
 * - Lists: `resource.length('SecurityGroupIngress')` → item count (undefined when absent), then
 *   `get('SecurityGroupIngress.<i>.CidrIp')` per item, so one symbolic item does not hide the others.
 * - `resource.raw` is the resource as written (DeletionPolicy, UpdateReplacePolicy, Metadata, Condition).
 * - `index.byType(type)`, `index.resource(id)`, `index.referencedBy(id)` and `resource.references` are O(1)
 *   lookups (references: Ref, Fn::GetAtt, Fn::Sub placeholders and DependsOn, resources only, sorted).
 *   Never loop over `index.resources` inside a rule.
 */
import type { CfnTemplate } from '../cfn/cfn-template.ts';
import { collectReferences } from './intrinsics/collect-references.ts';
import { IntrinsicResolver } from './intrinsics/intrinsic-resolver.ts';
import type { ResolveContext } from './intrinsics/resolve-context.ts';
import { ResourceViewImpl } from './resource-view-impl.ts';
import type { Resolved, ResourceView, TemplateIndex } from './rule.ts';

export type TemplateIndexContext = ResolveContext;

/** The index plus what the engine (not rules) needs: condition evaluation for `Condition:` on resources. */
export interface CfnTemplateIndex extends TemplateIndex {
  /** Whether a resource is created: its `Condition` evaluated (true when it has none). */
  created(resource: ResourceView): Resolved<boolean>;
  /** A named condition of the Conditions section, evaluated. */
  condition(name: string): Resolved<boolean>;
}

const EMPTY: readonly ResourceView[] = Object.freeze([]);
const UNCONDITIONAL: Resolved<boolean> = { known: true, value: true };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The index as a class, not an object of closures: rules call `resource`, `byType` and `referencedBy` on a
 * new index every evaluation, and prototype methods keep those call sites monomorphic across evaluations
 * (closures made per evaluation sent optimized code back to the interpreter at each new template).
 */
class IndexedTemplate implements CfnTemplateIndex {
  constructor(
    readonly template: Readonly<Record<string, unknown>>,
    readonly resources: readonly ResourceViewImpl[],
    private readonly byId: ReadonlyMap<string, ResourceViewImpl>,
    private readonly types: ReadonlyMap<string, readonly ResourceViewImpl[]>,
    private readonly referrers: ReadonlyMap<string, readonly ResourceViewImpl[]>,
    private readonly resolver: IntrinsicResolver,
  ) {}

  resource(logicalId: string): ResourceView | undefined {
    return this.byId.get(logicalId);
  }

  byType(type: string): readonly ResourceView[] {
    return this.types.get(type) ?? EMPTY;
  }

  referencedBy(logicalId: string): readonly ResourceView[] {
    return this.referrers.get(logicalId) ?? EMPTY;
  }

  condition(name: string): Resolved<boolean> {
    return this.resolver.condition(name);
  }

  created(resource: ResourceView): Resolved<boolean> {
    const name = resource.raw.Condition;
    if (name === undefined) return UNCONDITIONAL;
    if (typeof name !== 'string') return { known: false, reason: 'malformed resource Condition' };
    return this.resolver.condition(name);
  }
}

/** The ids sorted (default string order), each once, without `self`; `ids` is sorted in place. */
function sortedUnique(ids: string[], self: string): string[] {
  ids.sort();
  const out: string[] = [];
  for (let i = 0; i < ids.length; i += 1) {
    const id = ids[i] as string;
    if (id !== self && (i === 0 || id !== ids[i - 1])) out.push(id);
  }
  return out;
}

/**
 * Index a template: resources by logical id and by type, and the reference graph (Ref / GetAtt / Sub /
 * DependsOn). Tolerates malformed input (non-object resources are skipped, a missing Type reads as "").
 */
export function buildTemplateIndex(
  template: CfnTemplate | Readonly<Record<string, unknown>>,
  context: TemplateIndexContext = {},
): CfnTemplateIndex {
  const resolver = new IntrinsicResolver(template, context);
  const rawResources = isRecord(template.Resources) ? template.Resources : {};
  const byId = new Map<string, ResourceViewImpl>();
  const byType = new Map<string, ResourceViewImpl[]>();
  const resources: ResourceViewImpl[] = [];
  for (const logicalId of Object.keys(rawResources)) {
    const raw = rawResources[logicalId];
    if (!isRecord(raw)) continue;
    const type = typeof raw.Type === 'string' ? raw.Type : '';
    const view = new ResourceViewImpl(logicalId, type, raw, resolver);
    byId.set(logicalId, view);
    resources.push(view);
    const list = byType.get(type);
    if (list) list.push(view);
    else byType.set(type, [view]);
  }

  const referrers = new Map<string, ResourceViewImpl[]>();
  const found: string[] = [];
  for (const view of resources) {
    found.length = 0;
    collectReferences(view.raw.Properties, byId, found);
    const dependsOn = view.raw.DependsOn;
    for (const id of Array.isArray(dependsOn) ? dependsOn : [dependsOn]) {
      if (typeof id === 'string' && byId.has(id)) found.push(id);
    }
    if (found.length === 0) continue;
    view.references = sortedUnique(found, view.logicalId);
    for (const id of view.references) {
      const list = referrers.get(id);
      if (list) list.push(view);
      else referrers.set(id, [view]);
    }
  }

  return new IndexedTemplate(template, resources, byId, byType, referrers, resolver);
}
