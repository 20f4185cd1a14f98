import type { ParamValue } from '../../../model/architecture.ts';
import type { ComponentKind } from '../../../model/kinds.ts';
import type { Sentence } from '../analysis/token.ts';
import type { EntityResolver } from '../entities/resolve-entities.ts';
import type { PlannerKnowledge } from '../knowledge.ts';
import { DEFAULT_ID, ID_SUFFIX } from '../lexicon/kind-names.ts';
import type { Mention } from '../mentions/mention.ts';
import { accessFor } from '../relations/access-for.ts';
import type { FoundEdit } from './find-edits.ts';
import { existingOf } from './rename.ts';

const SWITCH_VERBS = new Set([
  'switch',
  'change',
  'convert',
  'migrate',
  'move',
  'swap',
  'turn',
  'make',
  'replace',
  'use',
  'go',
]);
const FAMILIES: readonly (readonly ComponentKind[])[] = [
  ['postgres', 'mysql', 'kv_table'],
  ['queue', 'topic', 'event_bus', 'stream'],
  ['function', 'container_service', 'worker', 'vm', 'k8s_cluster'],
  ['bucket', 'file_system'],
  ['http_api', 'load_balancer'],
  ['cache', 'search'],
];

function familyOf(kind: ComponentKind): readonly ComponentKind[] {
  return FAMILIES.find((f) => f.includes(kind)) ?? [kind];
}

/**
 * "switch the database to MySQL", "replace the queue with a topic", "use DynamoDB instead of Postgres",
 * "make it aurora": changes a component's kind (keeping its id's role, the params that still apply and the
 * connections that still make sense) or, within one kind, its flavour.
 */
export function findSwitch(
  sentence: Sentence,
  mentions: readonly Mention[],
  resolver: EntityResolver,
  knowledge: PlannerKnowledge,
): FoundEdit | undefined {
  const { tokens } = sentence;
  const verbAt = tokens.findIndex((t) => SWITCH_VERBS.has(t.lemma) && t.pos !== 'NOUN');
  if (verbAt < 0) return undefined;
  const after = mentions.filter(
    (m) => m.start > verbAt && (m.type === 'component' || m.type === 'id' || m.type === 'pronoun'),
  );
  const insteadAt = tokens.findIndex((t, i) => t.w === 'instead' && tokens[i + 1]?.w === 'of');
  let target: Mention | undefined;
  let next: Mention | undefined;
  if (insteadAt >= 0) {
    next = after.find((m) => m.start < insteadAt);
    target = after.find((m) => m.start > insteadAt);
  } else {
    const joinAt = tokens.findIndex((t, i) => i > verbAt && ['to', 'into', 'with', 'for'].includes(t.w));
    if (joinAt < 0) {
      if (tokens[verbAt]!.lemma !== 'make' || after.length < 2) return undefined;
      [target, next] = [after[0], after[1]];
    } else {
      target = after.find((m) => m.start < joinAt);
      next = after.find((m) => m.start > joinAt);
    }
  }
  if (next?.type !== 'component' || next.kind === null) return undefined;
  const newKind = next.kind;
  if (next.determiner === 'indefinite' && tokens[verbAt]!.lemma !== 'replace' && insteadAt < 0)
    return undefined;
  let entity = existingOf(target, resolver);
  if (!entity && target?.type === 'pronoun') {
    const id = resolver.focusId();
    entity = resolver.entities.find((e) => e.existing === id);
  }
  if (!entity && !target) {
    const same = resolver.entities.filter((e) => e.existing && familyOf(newKind).includes(e.kind));
    if (same.length === 1) entity = same[0];
  }
  if (!entity?.existing) return undefined;
  const targetId = entity.existing;
  const oldKind = entity.kind;
  const consumed = [next, ...(target ? [target] : [])];
  const sameKind =
    oldKind === newKind || (next.evidence === 'generic' && next.alternatives?.includes(oldKind));
  const flavourOnly =
    Object.keys(next.params).length > 0 &&
    Object.entries(next.params).every(([n, v]) => knowledge.checkParam(oldKind, n, v) === null);
  const explicit = tokens[verbAt]!.lemma === 'replace' || insteadAt >= 0;
  if (!explicit && !sameKind && !flavourOnly && !familyOf(oldKind).includes(newKind)) return undefined;
  if (sameKind || flavourOnly) {
    Object.assign(entity.params, next.params);
    return { consumed };
  }
  return {
    consumed,
    apply: (draft) => {
      const current = draft.get(targetId);
      if (!current) return;
      const keep: Record<string, ParamValue> = {};
      for (const [name, value] of Object.entries(current.params)) {
        if (name === 'engine_version' || name === 'flavor') continue;
        if (knowledge.checkParam(newKind, name, value) === null) keep[name] = value;
      }
      for (const [name, value] of Object.entries(next.params))
        if (knowledge.checkParam(newKind, name, value) === null) keep[name] = value;
      const links = draft.connections
        .filter((c) => c.from === targetId || c.to === targetId)
        .map((c) => ({ ...c }));
      draft.remove(targetId);
      let id = targetId;
      if (id === DEFAULT_ID[oldKind]) id = DEFAULT_ID[newKind];
      else if (id.endsWith(`-${ID_SUFFIX[oldKind]}`))
        id = `${id.slice(0, -ID_SUFFIX[oldKind].length)}${ID_SUFFIX[newKind]}`;
      id = draft.freeId(id);
      draft.add(id, newKind, keep);
      for (const c of links) {
        const from = c.from === targetId ? id : c.from;
        const to = c.to === targetId ? id : c.to;
        const fromKind = draft.get(from)?.kind;
        const toKind = draft.get(to)?.kind;
        if (!fromKind || !toKind) continue;
        if (knowledge.accessModes(fromKind, toKind).includes(c.access)) draft.connect(from, to, c.access);
        else {
          const link = accessFor('link', fromKind, toKind);
          if (link && link.from === 'actor') draft.connect(from, to, link.access);
        }
      }
    },
  };
}
