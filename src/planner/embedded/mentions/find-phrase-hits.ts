import type { ComponentKind } from '../../../model/kinds.ts';
import type { Token } from '../analysis/token.ts';
import type { Evidence } from '../lexicon/kind-phrases.ts';
import { KIND_PHRASES, type KindPhrase } from '../lexicon/kind-phrases.ts';
import { OTHER_PHRASES, type OtherPhrase } from '../lexicon/other-phrases.ts';
import { buildTrie, longestMatch } from './phrase-trie.ts';

/** A phrase of the lexicon found in a sentence, before compounds are joined. */
export type PhraseHit =
  | { readonly type: 'kind'; start: number; end: number; phrase: KindPhrase }
  | { readonly type: 'other'; start: number; end: number; phrase: OtherPhrase }
  | { readonly type: 'id'; start: number; end: number; id: string };

type Entry =
  | { type: 'kind'; words: readonly string[]; phrase: KindPhrase }
  | { type: 'other'; words: readonly string[]; phrase: OtherPhrase }
  | { type: 'id'; words: readonly string[]; id: string };

const LEXICON_TRIE = buildTrie<Entry>([
  ...KIND_PHRASES.map((phrase): Entry => ({ type: 'kind', words: phrase.words, phrase })),
  ...OTHER_PHRASES.map((phrase): Entry => ({ type: 'other', words: phrase.words, phrase })),
]);

const RANK: Readonly<Record<Evidence, number>> = { generic: 0, noun: 1, brand: 2 };
/** Words a product name may be prefixed with; they belong to the name, not before it. */
const VENDOR_WORDS = new Set(['amazon', 'aws']);
/** Words that are verbs more often than kind nouns when the tagger says so. */
const VERB_LIKE_KIND_WORDS = new Set([
  'stream',
  'cache',
  'email',
  'search',
  'schedule',
  'queue',
  'store',
  'index',
  'log',
  'route',
  'function',
  'mail',
  'table',
  'proxy',
  'front',
  'host',
  'rule',
  'layer',
  'stage',
  'service',
  'site',
  'server',
  'container',
]);

export function evidenceRank(evidence: Evidence): number {
  return RANK[evidence];
}

function spellings(tokens: readonly Token[]): string[][] {
  return tokens.map((t) => (t.lemma === t.w ? [t.w] : [t.w, t.lemma]));
}

function idEntries(ids: readonly string[], common: (word: string) => boolean): Entry[] {
  return ids
    .filter((id) => id.includes('-') || !common(id))
    .map((id): Entry => ({ type: 'id', words: id.split('-'), id }));
}

/**
 * Every lexicon phrase in a sentence, longest first, left to right: kind phrases, other things, and the
 * ids of existing components (written with their hyphens: "orders-db"). A one-word kind noun the tagger
 * reads as a verb ("caches sessions", "streams records") is not a hit.
 */
export function findPhraseHits(
  tokens: readonly Token[],
  ids: readonly string[],
  common: (word: string) => boolean,
  covered: ReadonlySet<number> = new Set(),
): PhraseHit[] {
  // a word a param phrase used ("dead-letter queue", "multi-AZ") matches nothing
  const words = spellings(tokens).map((s, k) => (covered.has(k) ? [] : s));
  const idTrie = buildTrie<Entry>(idEntries(ids, common));
  const hits: PhraseHit[] = [];
  let i = 0;
  while (i < tokens.length) {
    const id = longestMatch(idTrie, words, i);
    if (id && id.entry.type === 'id' && joinedRun(tokens, i, id.end)) {
      hits.push({ type: 'id', start: i, end: id.end, id: id.entry.id });
      i = id.end;
      continue;
    }
    const vendor = VENDOR_WORDS.has(tokens[i]!.w) ? longestMatch(LEXICON_TRIE, words, i + 1) : undefined;
    const found = longestMatch(LEXICON_TRIE, words, i);
    const match = vendor && (!found || vendor.end > found.end) ? vendor : found;
    const start = match === vendor && vendor ? i + 1 : i;
    if (!match) {
      i++;
      continue;
    }
    const entry = match.entry;
    const single = match.end - start === 1 ? tokens[start]! : undefined;
    if (
      single &&
      entry.type === 'kind' &&
      entry.phrase.evidence !== 'brand' &&
      single.pos === 'VERB' &&
      VERB_LIKE_KIND_WORDS.has(single.lemma)
    ) {
      i = match.end;
      continue;
    }
    if (entry.type === 'kind') hits.push({ type: 'kind', start, end: match.end, phrase: entry.phrase });
    else if (entry.type === 'other')
      hits.push({ type: 'other', start, end: match.end, phrase: entry.phrase });
    i = match.end;
  }
  return hits;
}

/** An id of several words counts only when written joined ("orders-db"), not as loose words. */
function joinedRun(tokens: readonly Token[], start: number, end: number): boolean {
  for (let k = start + 1; k < end; k++) if (!tokens[k]!.joined) return false;
  return true;
}

/** The kind a phrase names, or null for other things. */
export function hitKind(hit: PhraseHit): ComponentKind | null {
  return hit.type === 'kind' ? hit.phrase.kind : null;
}
