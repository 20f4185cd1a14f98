import type { Sentence } from '../analysis/token.ts';
import type { Mention } from '../mentions/mention.ts';
import type { LinkClass } from './access-for.ts';
import type { Argument, Clause } from './clauses.ts';

const SOURCE_ROLES = new Set(['source', 'input', 'origin', 'producer', 'upstream']);
const DESTINATION_ROLES = new Set(['destination', 'target', 'output', 'sink', 'consumer', 'downstream']);

/** "S3 as destination", "a stream as the source": the part a thing plays. */
export function playsAfter(tokens: Sentence['tokens'], m: Mention): { plays?: 'source' | 'destination' } {
  if (tokens[m.end]?.w !== 'as') return {};
  const noun = (tokens[m.end + 1]?.pos === 'DET' ? tokens[m.end + 2] : tokens[m.end + 1])?.lemma ?? '';
  if (SOURCE_ROLES.has(noun)) return { plays: 'source' };
  if (DESTINATION_ROLES.has(noun)) return { plays: 'destination' };
  return {};
}

/** A carried noun or pronoun as direct object ("writes orders to the table", "pushes them into OpenSearch") is what moves, not where it goes. */
export function isCarriedTheme(a: Argument, objects: readonly Argument[]): boolean {
  if (a.prep !== undefined || (a.mention.type !== 'carried' && a.mention.type !== 'pronoun')) return false;
  return objects.some(
    (o) =>
      o !== a &&
      o.prep !== undefined &&
      o.prep !== 'by' &&
      o.mention.type !== 'carried' &&
      o.mention.type !== 'pronoun',
  );
}

/**
 * Subjects that are not the code being described: who acts from outside ("the user uploads", "producers
 * send") and the write-up's whole subject ("this pattern uses", "the sample deploys").
 */
const OUTSIDERS = new Set([
  'pattern',
  'sample',
  'example',
  'project',
  'solution',
  'stack',
  'template',
  'architecture',
  'system',
  'workload',
  'demo',
  'repository',
  'this',
  'user',
  'client',
  'customer',
  'caller',
  'producer',
  'publisher',
  'consumer',
  'developer',
  'admin',
  'administrator',
  'operator',
  'reviewer',
  'team',
  'browser',
  'app',
  'application',
  'device',
  'partner',
  'you',
  'we',
  'i',
  'someone',
]);

/**
 * A clause whose subject is a noun the text names but that is no component and nobody outside ("each
 * invocation", "the handler", "the code"): the code being described acts.
 */
export function unnamedSubject(tokens: Sentence['tokens'], clause: Clause): boolean {
  if (!clause.verb || clause.subjects.length > 0) return false;
  const before = tokens.slice(clause.start, clause.verb.at);
  const nouns = before.filter((t) => t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'PRON');
  return nouns.length > 0 && !nouns.some((t) => OUTSIDERS.has(t.lemma) || OUTSIDERS.has(t.w));
}

const PLACES = new Set(['in', 'inside', 'within', 'at']);

/**
 * "sends an email to the address in the item", "keyed by the object key": what travels, named as a place or
 * a key, is not where it goes.
 */
export function isCarriedPlace(a: Argument): boolean {
  return (
    a.mention.type === 'carried' &&
    a.mention.about === undefined &&
    (PLACES.has(a.prep ?? '') || a.prep === 'by')
  );
}

const ACCESS_WORDS: Readonly<Record<string, LinkClass>> = {
  readonly: 'read',
  read: 'read',
  write: 'write',
  writeonly: 'write',
  readwrite: 'readwrite',
  full: 'readwrite',
  publish: 'publish',
  invoke: 'invoke',
  consume: 'consume',
};

/** "read-only access to", "write access to", "access to": the class the access noun phrase names. */
export function accessPhrase(tokens: Sentence['tokens'], clause: Clause): LinkClass | undefined {
  for (let i = clause.start; i < clause.end; i++) {
    const t = tokens[i]!;
    if (
      (t.lemma !== 'access' && t.lemma !== 'permission') ||
      !['to', 'on', 'for'].includes(tokens[i + 1]?.w ?? '')
    )
      continue;
    const mode = ACCESS_WORDS[tokens[i - 1]?.w ?? ''];
    return mode ?? 'readwrite';
  }
  return undefined;
}
