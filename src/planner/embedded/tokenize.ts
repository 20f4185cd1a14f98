import { editDistance } from './edit-distance.ts';
import { COMMON_WORDS, CORRECTION_TARGETS, LEXICON_WORDS } from './vocabulary.ts';

export interface Token {
  /** The word after typo correction, lower-case. */
  readonly w: string;
  /** A singular form of `w` ("queues" → "queue"). */
  readonly lemma: string;
  /** The word as typed (lower-case), when it was corrected. */
  readonly typed?: string;
}

const UNIT_SPLIT =
  /(?<![a-z0-9.])(\d+(?:\.\d+)?)(gb|gib|mb|mib|tb|tib|vcpus?|cpus?|ms|s|secs?|seconds?|mins?|minutes?|h|hrs?|hours?|days?|am|pm|x|k)\b/g;
const WORD = /[a-z0-9]+(?:\.[a-z0-9]+)*|[?,:=→+]/g;

/** Lower-cases and splits a sentence into words; hyphens split words, dots inside words are kept. */
export function words(sentence: string): string[] {
  const text = sentence
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/'s\b/g, '')
    .replace(/n't\b/g, 'nt')
    .replace(/\s*(?:->|=>|-->|→)\s*/g, ' → ')
    // access spelled as an adjective: "read-only access", "read/write access", "reads and writes"
    .replace(/\bread(?:s)?(?:\s*[-/&]\s*|\s+and\s+)writes?\b/g, 'readwrite')
    .replace(/\bread[\s-]?only\b/g, 'readonly')
    .replace(UNIT_SPLIT, '$1 $2');
  return text.match(WORD) ?? [];
}

export function lemma(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(sses|shes|ches|xes)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

const correctionCache = new Map<string, string | null>();

/** The target a word is a likely typo of, or null. */
export function correct(word: string): string | null {
  if (word.length < 4 || /[^a-z]/.test(word)) return null;
  if (COMMON_WORDS.has(word) || LEXICON_WORDS.has(word)) return null;
  const singular = lemma(word);
  if (COMMON_WORDS.has(singular) || LEXICON_WORDS.has(singular)) return null;
  const cached = correctionCache.get(word);
  if (cached !== undefined) return cached;
  const max = word.length >= 9 ? 2 : 1;
  let best: string | null = null;
  let bestDistance = max + 1;
  let tie = false;
  for (const target of CORRECTION_TARGETS) {
    if (word.length === 4 && target[0] !== word[0]) continue;
    const d = editDistance(word, target, max);
    if (d < bestDistance) {
      best = target;
      bestDistance = d;
      tie = false;
    } else if (d === bestDistance && d <= max && target !== best) {
      tie = true;
    }
  }
  const result = best !== null && bestDistance <= max && !tie ? best : null;
  if (correctionCache.size < 10_000) correctionCache.set(word, result);
  return result;
}

export function tokenize(sentence: string): Token[] {
  return words(sentence).map((typed) => {
    const fixed = correct(typed);
    if (fixed === null) return { w: typed, lemma: lemma(typed) };
    return { w: fixed, lemma: lemma(fixed), typed };
  });
}

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  single: 1,
  couple: 2,
  pair: 2,
  dozen: 12,
};

/** A count word or digits as a number ("three" → 3, "12" → 12), or null. */
export function numberOf(word: string | undefined): number | null {
  if (word === undefined) return null;
  if (/^\d+(\.\d+)?$/.test(word)) return Number(word);
  return NUMBER_WORDS[word] ?? null;
}
