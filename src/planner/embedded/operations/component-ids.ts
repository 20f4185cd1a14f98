import type { Entity } from '../entities/entity.ts';
import { looksSecret } from '../lexicon/looks-secret.ts';
import { DEFAULT_ID, ID_SUFFIX } from '../lexicon/kind-names.ts';

/** Joins words into a kebab-case id (lower case, starts with a letter, at most 63 characters). */
export function kebab(words: readonly string[]): string {
  return words
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-+|-+$/g, '')
    .replace(/^[^a-z]+/, '')
    .slice(0, 63)
    .replace(/-+$/, '');
}

/** Words that say nothing as a name. */
const EMPTY_ROLES = new Set([
  'new',
  'main',
  'my',
  'our',
  'the',
  'simple',
  'basic',
  'small',
  'big',
  'aws',
  'amazon',
]);

/**
 * The id base an entity's components get: its given name, else its role and the kind's short noun
 * ("orders" + kv_table → "orders-table"), else the kind's default ("queue"). Never from secret-like words.
 */
export function idBase(entity: Entity, role: readonly string[] = entity.role): string {
  if (entity.name && !looksSecret(entity.name)) return entity.name;
  const words = role.filter((w) => !EMPTY_ROLES.has(w) && !looksSecret(w));
  const suffix = ID_SUFFIX[entity.kind];
  if (words.length > 0) {
    const last = words.at(-1)!;
    const joined = last === suffix || last === DEFAULT_ID[entity.kind] ? words : [...words, suffix];
    const id = kebab(joined);
    if (id.length > 0) return id;
  }
  return DEFAULT_ID[entity.kind];
}
