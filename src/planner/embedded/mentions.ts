import type { ParamValue } from '../../model/architecture.ts';
import type { ComponentKind } from '../../model/kinds.ts';
import type { KindPhrase } from './lexicon.ts';
import { ABSORBED_NOUNS, KIND_NOUNS, KIND_PHRASES } from './lexicon.ts';
import type { Token } from './tokenize.ts';
import { numberOf } from './tokenize.ts';
import { COMMON_WORDS, LEXICON_WORDS } from './vocabulary.ts';
import { VERBS } from './verbs.ts';
import { versionAfter } from './versions.ts';

/** A place in a sentence that names a component: a kind phrase, an id, or a pronoun. */
export interface Mention {
  start: number;
  end: number;
  kind: ComponentKind | null;
  params: Record<string, ParamValue>;
  /** Kinds a generic word could mean ("database"); the first is assumed for new components. */
  alternatives?: readonly ComponentKind[];
  /** An id the mention names directly (an existing component's id, or what "it" refers to). */
  id?: string;
  pronoun: boolean;
  count: number;
  article: 'definite' | 'indefinite' | 'none';
  qualifier?: string;
  /** The words as typed, for replies and questions. */
  text: string;
  /** A flavour word alone ("aurora"): its kind is only a default. */
  modifierOnly?: boolean;
  /** "those events", "these messages": what flows through a queue, bus or stream named before. */
  carried?: boolean;
}

interface TrieNode {
  children: Map<string, TrieNode>;
  entry?: KindPhrase;
}

function buildTrie(phrases: readonly KindPhrase[]): TrieNode {
  const root: TrieNode = { children: new Map() };
  for (const phrase of phrases) {
    let node = root;
    for (const word of phrase.words) {
      let child = node.children.get(word);
      if (!child) {
        child = { children: new Map() };
        node.children.set(word, child);
      }
      node = child;
    }
    node.entry = phrase;
  }
  return root;
}

const TRIE = buildTrie(KIND_PHRASES);
/** Words that name a kind on their own ("queue", "lambda"): never a qualifier ("jobs" in "jobs queue" is). */
const SINGLE_WORD_KINDS: ReadonlySet<string> = new Set(
  KIND_PHRASES.filter((p) => p.words.length === 1).flatMap((p) => [p.words[0]!, `${p.words[0]}s`]),
);

const ATTRIBUTE_NOUNS = new Set([
  'password',
  'passwords',
  'credentials',
  'credential',
  'url',
  'urls',
  'host',
  'hostname',
  'connection',
  'user',
  'username',
  'schema',
  'migration',
  'migrations',
  'dump',
  'query',
  'queries',
]);
/** Credentials of a thing are a secret's content, never the thing: "the OpenSearch creds", "the Redis password". */
const CREDENTIAL_NOUNS = new Set([
  'creds',
  'credentials',
  'credential',
  'password',
  'passwords',
  'url',
  'urls',
  'hostname',
  'username',
  'endpoint',
  'arn',
]);
/** "the Postgres connection string": a word that is an attribute only with the word after it. */
const ATTRIBUTE_PAIRS: Readonly<Record<string, ReadonlySet<string>>> = {
  connection: new Set(['string', 'strings', 'url', 'details', 'info']),
};
/** What flows through a queue, topic, bus, stream or bucket: "those events" refers to the channel. */
const CARRIED_NOUNS = new Set([
  'events',
  'messages',
  'records',
  'notifications',
  'uploads',
  'files',
  'objects',
  'jobs',
]);
/** "subscribe to that", "put a cache in front of this": a demonstrative standing alone is a pronoun. */
const PRONOUN_ENDS = new Set([',', 'and', 'too', 'then', 'as', 'instead', 'also']);
const DEFINITE = new Set([
  'the',
  'that',
  'this',
  'those',
  'these',
  'existing',
  'current',
  'our',
  'my',
  'its',
  'same',
  'your',
]);
const INDEFINITE = new Set([
  'a',
  'an',
  'another',
  'new',
  'additional',
  'extra',
  'second',
  'third',
  'some',
  'more',
]);
const ADJECTIVES = new Set([
  'big',
  'small',
  'large',
  'tiny',
  'medium',
  'main',
  'primary',
  'secondary',
  'simple',
  'basic',
  'managed',
  'private',
  'public',
  'shared',
  'single',
  'separate',
  'dedicated',
  'serverless',
  'standard',
  'regular',
  'cheap',
  'fast',
  'global',
  'regional',
  'internal',
  'external',
  'encrypted',
  'durable',
  'highly',
  'available',
  'separate',
  'fifo',
  'versioned',
  'relational',
  'scalable',
  'redundant',
  'persistent',
  'little',
  'couple',
  'of',
  'pair',
  'few',
  'backend',
  'frontend',
  'backup',
  'prod',
  'production',
  'staging',
  'dev',
  'development',
  'cheaper',
  'bigger',
  'smaller',
  'larger',
  'replicated',
  'ha',
  'multi',
  'az',
  'more',
  'one',
]);

function matchAt(
  tokens: readonly Token[],
  i: number,
  covered: ReadonlySet<number>,
): { entry: KindPhrase; end: number } | null {
  let node: TrieNode | undefined = TRIE;
  let best: { entry: KindPhrase; end: number } | null = null;
  for (let j = i; j < tokens.length && node; j++) {
    if (covered.has(j)) break;
    const t = tokens[j]!;
    const next: TrieNode | undefined = node.children.get(t.w) ?? node.children.get(t.lemma);
    if (!next) break;
    node = next;
    if (node.entry) best = { entry: node.entry, end: j + 1 };
  }
  return best;
}

const UNIT_WORDS =
  /^(gb|gib|mb|mib|tb|vcpus?|cpus?|cores?|days?|seconds?|secs?|s|ms|minutes?|mins?|hours?|tasks?|nodes?|shards?|replicas?)$/;

function matchId(
  tokens: readonly Token[],
  i: number,
  ids: readonly string[][],
): { id: string; end: number } | null {
  let best: { id: string; end: number } | null = null;
  for (const parts of ids) {
    if (i + parts.length > tokens.length) continue;
    let ok = true;
    for (let k = 0; k < parts.length; k++) {
      const t = tokens[i + k]!;
      if (t.w !== parts[k] && t.lemma !== parts[k]) {
        ok = false;
        break;
      }
    }
    // "give the function 1 GB": a number followed by a unit is a size, not the id "function-1"
    const after = tokens[i + parts.length]?.w;
    if (ok && /^\d+$/.test(parts.at(-1)!) && after !== undefined && UNIT_WORDS.test(after)) ok = false;
    if (ok && (!best || i + parts.length > best.end)) best = { id: parts.join('-'), end: i + parts.length };
  }
  return best;
}

/** Prepositions are never a component's name ("share files through EFS" is not "through-fs"). */
const NOT_QUALIFIERS = new Set([
  'through',
  'via',
  'over',
  'into',
  'onto',
  'from',
  'with',
  'behind',
  'between',
  'across',
  'without',
]);

function isQualifier(word: string): boolean {
  return (
    /^[a-z][a-z0-9]{2,}$/.test(word) &&
    !COMMON_WORDS.has(word) &&
    !SINGLE_WORD_KINDS.has(word) &&
    !ADJECTIVES.has(word) &&
    !DEFINITE.has(word) &&
    !INDEFINITE.has(word) &&
    numberOf(word) === null &&
    !word.endsWith('ly') &&
    !NOT_QUALIFIERS.has(word)
  );
}

const RELATIONAL: ReadonlySet<ComponentKind> = new Set(['postgres', 'mysql']);

function sameFamily(a: ComponentKind, b: ComponentKind): boolean {
  return a === b || (RELATIONAL.has(a) && RELATIONAL.has(b));
}

const QUALIFIED_BY_API: ReadonlySet<ComponentKind> = new Set(['function', 'worker']);
const PLACE_PREPOSITIONS = new Set(['in', 'into', 'to', 'on', 'onto', 'with', 'using']);
const VERB_OBJECTS = new Set(['the', 'its', 'their', 'our', 'into', 'in', 'to', 'from']);
const NOT_BEFORE_VERB = new Set([
  'a',
  'an',
  'the',
  'and',
  ',',
  'of',
  'for',
  'with',
  'to',
  'plus',
  'our',
  'its',
  'their',
  'own',
]);

/**
 * Finds mentions in a sentence. `ids` are the existing component ids that do not read as kind phrases
 * (`orders-db`, `jobs`); `focus` is what "it" refers to.
 */
export function findMentions(
  tokens: readonly Token[],
  covered: ReadonlySet<number>,
  existingIds: readonly string[],
  focus: string | undefined,
): Mention[] {
  const ids = existingIds
    .map((id) => id.split('-'))
    .filter((parts) => parts.length > 1 || !LEXICON_WORDS.has(parts[0]!));
  const mentions: Mention[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (covered.has(i)) {
      i++;
      continue;
    }
    const t = tokens[i]!;
    const byId = matchId(tokens, i, ids);
    const byKind = matchAt(tokens, i, covered);
    if (byId && (!byKind || byId.end >= byKind.end)) {
      mentions.push(
        describe(tokens, covered, { start: i, end: byId.end, kind: null, params: {}, id: byId.id }),
      );
      i = byId.end;
      continue;
    }
    // "the service searches the domain", "it caches the results": a kind word used as the verb
    // "... and caches sessions in ElastiCache": a verb, its plain object, then where
    const verbThenWhere =
      tokens[i - 1]?.w === 'and' &&
      /s$/.test(t.w) &&
      !matchAt(tokens, i + 1, covered) &&
      PLACE_PREPOSITIONS.has(tokens[i + 2]?.w ?? '');
    if (
      byKind &&
      byKind.end === i + 1 &&
      VERBS.has(t.w) &&
      ((VERB_OBJECTS.has(tokens[i + 1]?.w ?? '') && !NOT_BEFORE_VERB.has(tokens[i - 1]?.w ?? '')) ||
        verbThenWhere) &&
      numberOf(tokens[i - 1]?.w) === null
    ) {
      i++;
      continue;
    }
    // "the API Lambda", "an API worker": "API" says what the code serves, it is not a second component
    if (byKind && byKind.entry.kind === 'http_api' && byKind.entry.words.join(' ') === 'api') {
      const following = matchAt(tokens, byKind.end, covered);
      if (following && QUALIFIED_BY_API.has(following.entry.kind)) {
        i++;
        continue;
      }
    }
    if (byKind) {
      let { entry, end } = byKind;
      let kind = entry.kind;
      const params: Record<string, ParamValue> = { ...entry.params };
      let alternatives = entry.alternatives;
      // modifiers take the kind that follows ("aurora mysql"); same-kind phrases and generic nouns are absorbed
      let modifier = entry.modifier === true;
      for (;;) {
        if (end < tokens.length && covered.has(end)) break;
        if (
          !modifier &&
          tokens[end] &&
          (ABSORBED_NOUNS.has(tokens[end]!.w) || KIND_NOUNS[kind]?.has(tokens[end]!.w))
        ) {
          const noun = tokens[end]!.w;
          if (noun === 'service' || noun === 'services' || noun === 'server') alternatives = undefined;
          end++;
          continue;
        }
        const following = end < tokens.length ? matchAt(tokens, end, covered) : null;
        if (following) {
          const f = following.entry;
          if (modifier) {
            // "aurora mysql", "aurora postgres database"
            if (!f.alternatives) kind = f.kind;
            Object.assign(params, f.params);
            alternatives = undefined;
            modifier = f.modifier === true;
            end = following.end;
            continue;
          }
          if (f.kind === kind && !f.alternatives) {
            // "redis cache", "sqs queue", "lambda function"
            Object.assign(params, f.params);
            alternatives = undefined;
            end = following.end;
            continue;
          }
          if (f.alternatives) {
            // "postgres database", "dynamo db": the brand decides
            end = following.end;
            continue;
          }
          if (alternatives?.includes(f.kind) && !f.modifier) {
            // "a database (MySQL)": a generic noun with the brand in brackets after it
            kind = f.kind;
            Object.assign(params, f.params);
            alternatives = undefined;
            end = following.end;
            continue;
          }
          if (f.modifier && f.params && sameFamily(kind, f.kind)) {
            // "MySQL (Aurora)", "Postgres (Aurora Serverless)": a flavour in brackets after the engine
            Object.assign(params, f.params);
            alternatives = undefined;
            end = following.end;
            continue;
          }
          break;
        }
        const next = tokens[end];
        if (next && ABSORBED_NOUNS.has(next.w)) {
          if (next.w === 'service' || next.w === 'services' || next.w === 'server') alternatives = undefined;
          end++;
          continue;
        }
        break;
      }
      // "MySQL 8.0 database", "EKS 1.30", "Redis 7.1": a number right after a versioned product is its version
      const version = versionAfter(kind, tokens[end]?.w, tokens[end + 1]?.w);
      if (version && !covered.has(end)) {
        params[version.name] = version.value;
        end++;
        while (end < tokens.length && !covered.has(end)) {
          if (ABSORBED_NOUNS.has(tokens[end]!.w)) {
            end++;
            continue;
          }
          const same = matchAt(tokens, end, covered);
          if (same && (same.entry.kind === kind || same.entry.alternatives?.includes(kind))) {
            Object.assign(params, same.entry.alternatives ? {} : same.entry.params);
            end = same.end;
            continue;
          }
          break;
        }
      }
      // "the database password", "the db url": an attribute of a database, not a component
      const attribute = tokens[end]?.w ?? '';
      if (
        CREDENTIAL_NOUNS.has(attribute) ||
        ATTRIBUTE_PAIRS[attribute]?.has(tokens[end + 1]?.w ?? '') ||
        (alternatives && ATTRIBUTE_NOUNS.has(attribute))
      ) {
        i = end + 1;
        continue;
      }
      let described = describe(tokens, covered, { start: i, end, kind, params, alternatives });
      // "the worker prefers DynamoDB": a word right after another mention is its verb, not this one's name
      if (described.qualifier && mentions.at(-1)?.end === i - 1) {
        const { qualifier: _verb, ...rest } = described;
        described = rest;
      }
      mentions.push(modifier ? { ...described, modifierOnly: true } : described);
      i = end;
      continue;
    }
    const next = tokens[i + 1]?.w;
    const demonstrative =
      (t.w === 'that' || t.w === 'this') && (next === undefined || PRONOUN_ENDS.has(next));
    if (
      (t.w === 'those' || t.w === 'these') &&
      next !== undefined &&
      CARRIED_NOUNS.has(next) &&
      !matchAt(tokens, i + 2, covered)
    ) {
      mentions.push({
        start: i,
        end: i + 2,
        kind: null,
        params: {},
        pronoun: true,
        carried: true,
        count: 1,
        article: 'definite',
        text: `${t.w} ${next}`,
      });
      i += 2;
      continue;
    }
    if (t.w === 'it' || t.w === 'its' || t.w === 'them' || t.w === 'they' || demonstrative) {
      mentions.push({
        start: i,
        end: i + 1,
        kind: null,
        params: {},
        ...(focus !== undefined ? { id: focus } : {}),
        pronoun: true,
        count: 1,
        article: 'definite',
        text: t.w,
      });
    }
    i++;
  }
  return mentions;
}

function describe(
  tokens: readonly Token[],
  covered: ReadonlySet<number>,
  base: Pick<Mention, 'start' | 'end' | 'kind' | 'params' | 'alternatives' | 'id'>,
): Mention {
  let count = 1;
  let article: Mention['article'] = 'none';
  let qualifier: string | undefined;
  const before = tokens[base.start - 1];
  // "a two-node Redis": a number before a unit word is a size, not a count
  const sized =
    before !== undefined && UNIT_WORDS.test(before.w) && numberOf(tokens[base.start - 2]?.w) !== null;
  if (sized) article = 'indefinite';
  else if (before && !covered.has(base.start - 1) && isQualifier(before.w)) qualifier = before.w;
  for (let j = base.start - 1, steps = 0; j >= 0 && steps < 4 && !sized; j--, steps++) {
    const w = tokens[j]!.w;
    const n = numberOf(w);
    if (n !== null && !(w === 'one' && tokens[j + 1]?.w === 'more')) {
      if (w !== 'single' || count === 1) count = Math.max(1, Math.round(n));
      article = 'indefinite';
      break;
    }
    if (DEFINITE.has(w)) {
      article = 'definite';
      break;
    }
    if (INDEFINITE.has(w)) {
      article = 'indefinite';
      if (w === 'couple' || w === 'pair') count = 2;
      break;
    }
    if (covered.has(j) || ADJECTIVES.has(w) || w === qualifier) continue;
    break;
  }
  const text = tokens
    .slice(base.start, base.end)
    .map((t) => t.typed ?? t.w)
    .join(' ');
  return {
    ...base,
    pronoun: false,
    count: Math.min(count, 20),
    article,
    ...(qualifier ? { qualifier } : {}),
    text,
  };
}
