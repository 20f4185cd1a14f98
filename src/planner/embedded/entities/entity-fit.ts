import { singular } from '../analysis/correct-typo.ts';
import type { Token } from '../analysis/token.ts';
import { CREATION_VERBS } from '../lexicon/verbs.ts';
import type { Mention } from '../mentions/mention.ts';
import type { Entity } from './entity.ts';

export const CLAUSE_STOPS = new Set([
  '.',
  ';',
  '?',
  '!',
  'but',
  'which',
  'that',
  'who',
  'when',
  'whenever',
  'if',
  'then',
]);

/** A creation verb ("add", "need", "get") governs the mention: before it in its clause, past lists and articles. */
export function creationCue(tokens: readonly Token[], m: Mention): boolean {
  for (let j = m.from - 1; j >= 0; j--) {
    const t = tokens[j]!;
    if (CLAUSE_STOPS.has(t.w)) return false;
    // "we need a queue for the checkout service": the verb asks for the queue, not what it is for
    if (t.pos === 'ADP' && t.w !== 'of') return false;
    if (CREATION_VERBS.has(t.lemma) && (t.pos === 'VERB' || t.pos === 'AUX' || j === 0) && !t.negated)
      return true;
    if (t.pos === 'VERB' && !['set', 'spin', 'stand'].includes(t.lemma)) return false;
  }
  return false;
}

const SETTING_VERBS = new Set([
  'make',
  'set',
  'change',
  'switch',
  'convert',
  'turn',
  'bump',
  'increase',
  'raise',
  'decrease',
  'lower',
  'reduce',
  'scale',
  'enable',
  'disable',
  'upgrade',
  'downgrade',
  'resize',
]);

/** A sentence that only changes things ("make the db multi-AZ", "enable versioning on the bucket"). */
export function changesOnly(tokens: readonly Token[]): boolean {
  // "set up an Aurora cluster" makes one
  if (tokens.some((t, i) => t.lemma === 'set' && tokens[i + 1]?.w === 'up')) return false;
  const verbs = tokens.filter((t) => t.pos === 'VERB');
  return (
    verbs.length > 0 &&
    SETTING_VERBS.has(verbs[0]!.lemma) &&
    !verbs.some((t) => CREATION_VERBS.has(t.lemma) && !SETTING_VERBS.has(t.lemma))
  );
}

/** "no cache", "without a queue", "don't add a cache": the mention is left out (a negated link verb only drops the link). */
export function excluded(tokens: readonly Token[], m: Mention): boolean {
  if (m.determiner === 'negative') return true;
  for (let j = m.from - 1; j >= 0; j--) {
    const t = tokens[j]!;
    if (CLAUSE_STOPS.has(t.w) || t.w === ',') return false;
    if (t.pos === 'VERB' && t.negated === false && tokens[j - 1]?.w === 'not')
      return CREATION_VERBS.has(t.lemma);
    if (t.pos === 'VERB') return CREATION_VERBS.has(t.lemma) && t.negated;
  }
  return false;
}

/** Role words of an existing component, from its id: "orders-db" → orders. */
export function idWords(id: string): string[] {
  return id.split('-').map(singular);
}

export function roleFits(entity: Entity, role: readonly string[]): 'same' | 'none' | 'different' {
  if (role.length === 0) return 'none';
  const want = role.map(singular);
  const have = entity.existing
    ? idWords(entity.existing)
    : [...entity.role, ...(entity.name ? entity.name.split('-') : [])].map(singular);
  if (want.every((w) => have.includes(w))) return 'same';
  if (entity.existing) return 'different';
  return entity.role.length === 0 && !entity.name ? 'none' : 'different';
}

export function kindFits(entity: Entity, m: Mention): boolean {
  if (m.kind === null) return false;
  if (entity.kind === m.kind) return true;
  if (m.evidence === 'generic' && m.alternatives?.includes(entity.kind)) return true;
  // "the Fargate tasks" of a Fargate service: its tasks
  if (m.type === 'part' && m.feature === 'task' && entity.kind === 'container_service') return true;
  // "through RDS Proxy", "a read replica": parts every RDS engine has
  if (m.type === 'part' && m.kind === 'postgres' && entity.kind === 'mysql' && m.feature !== 'data-api')
    return true;
  return m.kind === 'container_service' && m.evidence === 'generic' && entity.kind === 'worker';
}
