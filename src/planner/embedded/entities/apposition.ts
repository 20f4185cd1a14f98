import { MODIFIES } from '../lexicon/compounds.ts';
import type { Mention } from '../mentions/mention.ts';
import type { Entity } from './entity.ts';
import type { EntityInput } from './resolve-entities.ts';

/**
 * "a leaderboard service on ECS", "the catalogue service (Fargate)", "our web app as a Fargate service":
 * a brand right after a mention of a compatible kind, joined by on/as/in or brackets, names the same thing.
 */
export function apposition(
  input: EntityInput,
  of: ReadonlyMap<Mention, Entity[]>,
  m: Mention,
): Entity | undefined {
  const tokens = input.sentences[m.sentence]!.tokens;
  const before = input.mentions[m.sentence]!.filter(
    (x) => x.end <= m.from && (x.type === 'component' || x.type === 'part'),
  ).at(-1);
  if (!before || before.kind === null || m.kind === null) return undefined;
  const gap = tokens.slice(before.end, m.from).map((t) => t.w);
  if (
    gap.length === 0 ||
    gap.length > 2 ||
    !gap.every((w) => ['on', 'as', 'in', '(', 'using', 'via', 'running', 'with'].includes(w))
  )
    return undefined;
  if (gap.includes('with') && gap[0] !== '(') return undefined;
  const entity = of.get(before)?.[0];
  if (!entity || entity.count > 1) return undefined;
  const compatible =
    entity.kind === m.kind ||
    (MODIFIES[m.kind]?.includes(entity.kind) ?? false) ||
    (entity.alternatives?.includes(m.kind) ?? false) ||
    (m.evidence === 'generic' && m.alternatives?.includes(entity.kind));
  if (!compatible) return undefined;
  if (entity.alternatives?.includes(m.kind) && m.evidence !== 'generic') entity.kind = m.kind;
  return entity;
}
