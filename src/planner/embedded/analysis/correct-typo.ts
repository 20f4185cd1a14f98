import { editDistance } from './edit-distance.ts';
import { knownVerb } from './repair-tags.ts';
import { COMMON_WORDS, CORRECTION_TARGETS, LEXICON_WORDS } from './typo-vocabulary.ts';

/** A plain singular for a lower-case word ("queues" → "queue", "policies" → "policy"). */
export function singular(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(sses|shes|ches|xes)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

const cache = new Map<string, string | null>();

/**
 * The distinctive word a lower-case word is a likely typo of ("postgress" → "postgres"), or null. Only
 * product and kind names are targets; ordinary English words are never corrected.
 */
export function correctTypo(word: string): string | null {
  if (word.length < 4 || /[^a-z]/.test(word)) return null;
  if (COMMON_WORDS.has(word) || LEXICON_WORDS.has(word)) return null;
  const one = singular(word);
  if (COMMON_WORDS.has(one) || LEXICON_WORDS.has(one)) return null;
  // "processed", "subscribed": a form of a verb the lexicon knows is no typo
  if (knownVerb(word) !== undefined) return null;
  const cached = cache.get(word);
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
  if (cache.size < 10_000) cache.set(word, result);
  return result;
}
