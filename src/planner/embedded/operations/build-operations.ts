import { kindDefinition } from '../../../knowledge/kinds/index.ts';
import { resolveParams } from '../../../knowledge/params.ts';
import type { Architecture, ParamValue } from '../../../model/architecture.ts';
import type { ComponentKind } from '../../../model/kinds.ts';
import type { Entity } from '../entities/entity.ts';
import type { PlannerKnowledge } from '../knowledge.ts';
import { KIND_LABEL } from '../lexicon/kind-names.ts';
import type { Relation } from '../relations/relation.ts';
import { idBase } from './component-ids.ts';
import { Draft } from './draft.ts';

export interface OperationInput {
  readonly architecture: Architecture;
  readonly entities: readonly Entity[];
  readonly relations: readonly Relation[];
  /** Existing entities to remove. */
  readonly removals: readonly Entity[];
  readonly meta: Partial<Pick<Architecture, 'name' | 'team' | 'environment' | 'region'>>;
  readonly knowledge: PlannerKnowledge;
  /** The message adds to what exists ("too", "also", "as well"): a new access widens a link. */
  readonly additive: boolean;
  /** Edits that act on the draft directly (renames, kind switches), in order. */
  readonly edits: readonly ((draft: Draft, idsOf: (e: Entity) => string[]) => void)[];
}

export interface OperationResult {
  readonly draft: Draft;
  readonly notes: string[];
  readonly questions: string[];
}

function checked(
  kind: ComponentKind,
  params: Record<string, ParamValue>,
  knowledge: PlannerKnowledge,
  notes: string[],
): Record<string, ParamValue> {
  const out: Record<string, ParamValue> = {};
  for (const [name, value] of Object.entries(params)) {
    const problem = knowledge.checkParam(kind, name, value);
    if (problem === null) out[name] = value;
    else if (!problem.includes('has no'))
      notes.push(`I left ${name} at its default: ${JSON.stringify(value)} is not allowed (${problem}).`);
  }
  return out;
}

/** The value a kind's param has when nobody sets it, in an environment. */
function defaultOf(
  kind: ComponentKind,
  name: string,
  environment: Architecture['environment'],
): ParamValue | undefined {
  if (environment === null) return undefined;
  try {
    return resolveParams(kindDefinition(kind).params, {}, environment)[name] as ParamValue | undefined;
  } catch {
    return undefined;
  }
}

/**
 * The operations stage: turns entities (new ones added with ids from their roles, groups numbered),
 * param changes of existing components, relations (expanded over groups, one per item for "each … its
 * own"), removals, edits and meta into edit operations, through a draft of the architecture.
 */
export function buildOperations(input: OperationInput): OperationResult {
  const draft = new Draft(input.architecture);
  draft.additive = input.additive;
  const notes: string[] = [];
  const questions: string[] = [];
  const ids = new Map<Entity, string[]>();
  const idsOf = (e: Entity): string[] =>
    ids.get(e) ?? (e.existing ? [e.existing] : (e.members?.flatMap(idsOf) ?? []));
  for (const e of input.entities) if (e.existing) ids.set(e, [e.existing]);
  for (const edit of input.edits) edit(draft, idsOf);
  // an edit may have renamed a component: its entity follows the new id
  for (const op of draft.operations) {
    if (op.op !== 'rename_component') continue;
    for (const [entity, list] of ids)
      ids.set(
        entity,
        list.map((id) => (id === op.id ? op.newId : id)),
      );
  }
  for (const e of input.removals) for (const id of idsOf(e)) draft.remove(id);
  const environment = input.meta.environment ?? input.architecture.environment;
  for (const entity of input.entities) {
    if (entity.existing) {
      const id = idsOf(entity)[0] ?? entity.existing;
      if (input.removals.includes(entity) || !draft.get(id)) continue;
      const before = draft.get(id)?.params ?? {};
      const changed: Record<string, ParamValue> = {};
      for (const [name, value] of Object.entries(entity.params)) {
        if (JSON.stringify(before[name]) === JSON.stringify(value)) continue;
        if (
          before[name] === undefined &&
          JSON.stringify(defaultOf(entity.kind, name, environment)) === JSON.stringify(value)
        ) {
          notes.push(
            `${entity.existing} already had ${name.replace(/_/g, ' ')} ${JSON.stringify(value)}: that is the default${environment ? ` in ${environment}` : ''}. I pinned it, so it stays that way in every environment.`,
          );
        }
        changed[name] = value;
      }
      const ok = checked(entity.kind, changed, input.knowledge, notes);
      if (Object.keys(ok).length > 0) draft.update(id, ok);
      continue;
    }
    if (entity.members) continue;
    const params = checked(entity.kind, entity.params, input.knowledge, notes);
    if (entity.alternatives && entity.alternatives.length > 1) {
      questions.push(
        `I assumed a ${KIND_LABEL[entity.kind]} for "${entity.mentions[0]?.text ?? entity.kind}". Would ${entity.alternatives
          .filter((k) => k !== entity.kind)
          .map((k) => KIND_LABEL[k])
          .join(' or ')} suit better?`,
      );
    }
    const made: string[] = [];
    for (let n = 0; n < entity.count; n++) {
      const memberRole = entity.memberRoles[n];
      const base = memberRole ? idBase(entity, [memberRole]) : idBase(entity);
      const id = entity.count > 1 && !memberRole ? draft.freeId(`${base}-${n + 1}`) : draft.freeId(base);
      draft.add(id, entity.kind, params);
      made.push(id);
    }
    ids.set(entity, made);
  }
  restWhereNeeded(input.relations, draft, idsOf, notes);
  for (const r of input.relations) {
    const from = idsOf(r.from);
    const to = idsOf(r.to);
    // "the users lambda and the orders lambda each get their own table": member k gets copy k
    const memberOf = (item: Entity, member: Entity) => item.perItemOf?.members?.indexOf(member) ?? -1;
    const toMember = memberOf(r.to, r.from);
    const fromMember = memberOf(r.from, r.to);
    if (toMember >= 0 || fromMember >= 0) {
      const [f, t] = toMember >= 0 ? [from[0], to[toMember]] : [from[fromMember], to[0]];
      if (f && t && draft.get(f) && draft.get(t)) draft.connect(f, t, r.access);
      continue;
    }
    const pairs: [string, string][] =
      r.to.perItemOf === r.from ||
      r.from.perItemOf === r.to ||
      (from.length === to.length && from.length > 1 && r.to.count > 1 && r.from.count > 1)
        ? from.map((f, k) => [f, to[k]!] as [string, string]).filter(([, t]) => t !== undefined)
        : from.flatMap((f) => to.map((t) => [f, t] as [string, string]));
    for (const [f, t] of pairs) {
      if (!draft.get(f) || !draft.get(t)) continue;
      if (r.negated) narrowOrCut(draft, f, t, r.access);
      else draft.connect(f, t, r.access);
    }
  }
  draft.setMeta(input.meta);
  return { draft, notes, questions };
}

/**
 * An HTTP API cannot integrate with SNS or DynamoDB directly: an API said to be "HTTP" that routes to a topic
 * or table becomes a REST API, and the reply says why.
 */
function restWhereNeeded(
  relations: readonly Relation[],
  draft: Draft,
  idsOf: (e: Entity) => string[],
  notes: string[],
): void {
  for (const r of relations) {
    if (
      r.from.kind !== 'http_api' ||
      r.access !== 'route' ||
      (r.to.kind !== 'topic' && r.to.kind !== 'kv_table')
    )
      continue;
    for (const id of idsOf(r.from)) {
      if (draft.get(id)?.params.flavor !== 'http') continue;
      draft.update(id, { flavor: 'rest' });
      notes.push(
        `${id} is a REST API: an HTTP API cannot send to ${r.to.kind === 'topic' ? 'SNS' : 'DynamoDB'} without a function in between.`,
      );
    }
  }
}

/** "should no longer write to the table": a read-write link keeps the other direction; any other goes. */
function narrowOrCut(draft: Draft, from: string, to: string, access: Relation['access']): void {
  const existing = draft.connections.find((c) => c.from === from && c.to === to);
  if (!existing) return;
  if (existing.access === 'readwrite' && (access === 'read' || access === 'write')) {
    draft.disconnect(from, to);
    draft.connect(from, to, access === 'write' ? 'read' : 'write');
    return;
  }
  draft.disconnect(from, to);
}
