import { correctTypo, singular } from './correct-typo.ts';
import { repairTags } from './repair-tags.ts';
import { splitSentences } from './split-sentences.ts';
import { tagPartsOfSpeech } from './tag-parts-of-speech.ts';
import type { Analysis, Sentence, Token } from './token.ts';
import { tokenize } from './tokenize.ts';
import { LEXICON_WORDS } from './typo-vocabulary.ts';

const _QUESTION_OPENERS = new Set([
  'why',
  'what',
  'whats',
  'how',
  'which',
  'who',
  'when',
  'where',
  'is',
  'are',
  'does',
  'do',
  'did',
  'can',
  'could',
  'would',
  'will',
  'should',
  'shall',
  'may',
]);
const AUXILIARIES = new Set([
  'is',
  'are',
  'does',
  'do',
  'did',
  'can',
  'could',
  'would',
  'will',
  'should',
  'shall',
  'may',
  'was',
  'were',
]);
const WH_WORDS = new Set(['why', 'what', 'whats', 'how', 'which', 'who']);
const NEGATORS = new Set(['not', 'no', 'never', 'without', 'nor', 'none']);
const SCOPE_BREAKS = new Set([',', ';', ':', 'but', 'however', 'instead', 'though', 'although', 'rather']);

/** A noun's dictionary form: its singular, unless the word itself is a product or kind word ("redis"). */
function nounLemma(word: string): string {
  // "APIs", "DBs", "VMs": a plural of a kind word the plain rules leave alone
  if (word.endsWith('s') && word.length > 2 && LEXICON_WORDS.has(word.slice(0, -1))) return word.slice(0, -1);
  const one = singular(word);
  if (LEXICON_WORDS.has(word) && !LEXICON_WORDS.has(one)) return word;
  return one;
}

function markNegation(tokens: Token[]): void {
  let negating = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    if (
      SCOPE_BREAKS.has(t.w) ||
      (t.w === 'and' && next !== undefined && ['PRON', 'VERB'].includes(next.pos))
    ) {
      negating = false;
      continue;
    }
    if (negating) t.negated = true;
    if (NEGATORS.has(t.w)) negating = true;
  }
}

function analyzeSentence(text: string, index: number): Sentence {
  const raw = tokenize(text);
  const tags = tagPartsOfSpeech(raw);
  const tokens: Token[] = raw.map((r, i) => {
    const lower = r.text.toLowerCase();
    const fixed = correctTypo(lower);
    const w = fixed ?? lower;
    const tag = tags[i]!;
    const lemma =
      fixed !== null ? nounLemma(fixed) : tag.pos === 'VERB' || tag.pos === 'AUX' ? tag.lemma : nounLemma(w);
    return {
      i,
      text: r.text,
      w,
      lemma,
      ...(fixed !== null ? { typed: lower } : {}),
      pos: /^\d+(\.\d+)?$/.test(w) ? 'NUM' : tag.pos,
      negated: false,
      joined: r.joined,
    };
  });
  repairTags(tokens);
  markNegation(tokens);
  const words = tokens.filter(
    (t) => !['please', 'so', 'hey', 'and', 'ok', 'okay', 'also', 'hi', ','].includes(t.w),
  );
  const [first, second] = words;
  const whQuestion =
    first !== undefined &&
    WH_WORDS.has(first.w) &&
    second !== undefined &&
    (second.pos === 'AUX' ||
      ['much', 'many', 'about', 'come', 's'].includes(second.w) ||
      (first.w === 'whats' && true));
  const inverted =
    first !== undefined &&
    AUXILIARIES.has(first.w) &&
    second !== undefined &&
    (second.pos === 'PRON' || second.pos === 'DET' || second.pos === 'PROPN' || second.pos === 'NOUN');
  const interrogative = tokens.some((t) => t.w === '?') || whQuestion || inverted;
  return { index, text, tokens, interrogative };
}

/** The analysis stage: sentences of tokens with parts of speech, lemmas and negation scope. */
export function analyze(text: string): Analysis {
  return { text, sentences: splitSentences(text).map(analyzeSentence) };
}
