import type { Sentence, Token } from '../analysis/token.ts';
import { CHANGE_VERBS, CREATION_VERBS, REMOVAL_VERBS } from '../lexicon/verbs.ts';

/**
 * What one sentence does:
 * - `request`: asks for something to exist or change, as a statement, an imperative or a question
 *   ("we need a queue", "add a cache", "can we get a fargate service behind an ALB?");
 * - `removal`: takes something away ("drop the cache", "we don't need the worker anymore");
 * - `question`: asks about what exists and changes nothing ("why is the database encrypted?");
 * - `description`: says how things work ("the Lambda writes to the table"): builds what it describes.
 */
export type SentenceMood = 'request' | 'removal' | 'question' | 'description';

const MODALS = new Set(['can', 'could', 'would', 'will', 'may', 'shall']);
const ASKERS = new Set(['we', 'you', 'i', 'u', 'us', 'someone', 'somebody']);
const WH = new Set(['why', 'what', 'whats', 'how', 'which', 'who', 'when', 'where']);

/** Where a removal verb acts in the sentence, or -1: "drop", "get rid of", "tear down", "don't need ... anymore". */
export function removalAt(tokens: readonly Token[]): number {
  const anymore = tokens.some(
    (t, i) =>
      t.w === 'anymore' ||
      (t.w === 'longer' && tokens[i - 1]?.w === 'no') ||
      (t.w === 'more' && tokens[i - 1]?.w === 'any'),
  );
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1]?.w;
    // "drop a message on the queue": dropping something new somewhere is sending it
    if (t.lemma === 'drop' && (next === 'a' || next === 'an')) continue;
    // "a CSV is dropped into the bucket" puts something in; it removes nothing
    const puts =
      ['into', 'onto', 'in', 'on', 'to'].includes(next ?? '') ||
      ['is', 'are', 'was', 'were', 'gets', 'get', 'be'].includes(tokens[i - 1]?.w ?? '') ||
      // "drops the payload straight into an SQS queue"
      tokens.slice(i + 1, i + 6).some((x) => x.w === 'into' || x.w === 'onto');
    // "a Lambda that creates, reads, updates and deletes items": a description of what code does
    const describes = t.w !== t.lemma && /[^s]s$/.test(t.w);
    if (
      REMOVAL_VERBS.has(t.lemma) &&
      !t.negated &&
      t.pos !== 'NOUN' &&
      t.pos !== 'ADJ' &&
      !puts &&
      !describes
    )
      return i;
    if (t.w === 'get' && next === 'rid') return i + 2;
    if (t.w === 'tear' && next === 'down') return i + 1;
    if (
      t.w === 'not' &&
      ['need', 'want', 'require'].includes(tokens[i + 1]?.lemma ?? '') &&
      ['do', 'does', 'did'].includes(tokens[i - 1]?.w ?? '')
    )
      return i + 1;
    const aboutLink = tokens[i + 1]?.w === 'to' || tokens[i + 2]?.w === 'to';
    if (['need', 'want', 'require'].includes(t.lemma) && t.negated && anymore && !aboutLink) return i;
    if (
      t.w === 'longer' &&
      tokens[i - 1]?.w === 'no' &&
      ['need', 'needed', 'required', 'necessary', 'used', 'use'].includes(next ?? '') &&
      tokens[i + 2]?.w !== 'to'
    )
      return i + 1;
    if ((t.w === 'needed' || t.w === 'necessary' || t.w === 'required') && tokens[i - 1]?.w === 'not')
      return i;
  }
  return -1;
}

/**
 * Where a removal acts: from its verb to the end of its clause ("we don't need the worker, the Lambda will
 * consume the queue" removes only the worker), when something is named there or before a "not needed".
 */
export function removalSpan(
  tokens: readonly Token[],
  named: readonly number[],
): { at: number; end: number } | undefined {
  const at = removalAt(tokens);
  if (at < 0) return undefined;
  // a list goes on ("drop the cache, the queue and the bucket"); a new clause does not ("…, the worker will query …")
  const clauseAfter = (i: number) =>
    tokens.slice(i + 1, i + 6).some((t) => t.pos === 'VERB' || (t.pos === 'AUX' && t.w !== 'not'));
  const stop = tokens.findIndex(
    (t, i) =>
      i > at &&
      ([';', 'but', 'then', 'after', 'older', 'when'].includes(t.w) ||
        ([',', 'and'].includes(t.w) &&
          (clauseAfter(i) || (!named.includes(i + 1) && !named.includes(i + 2) && !named.includes(i + 3))))),
  );
  const end = stop < 0 ? tokens.length : stop;
  const after = named.some((p) => p > at && p < end);
  const before =
    named.some((p) => p < at) &&
    (tokens[at]!.w === 'needed' ||
      tokens[at]!.w === 'necessary' ||
      tokens[at]!.w === 'required' ||
      tokens[at]!.negated ||
      tokens[at - 1]?.w === 'not');
  return after || before ? { at, end } : undefined;
}

/**
 * "How it works: …", "How this pattern works:": a heading before a description, not a question. Returns
 * where the description starts (its colon), or 0.
 */
export function headingEnd(tokens: readonly Token[]): number {
  const colon = tokens.findIndex((t) => t.w === ':');
  const heading =
    colon > 0 &&
    colon <= 5 &&
    colon < tokens.length - 1 &&
    tokens[0]?.w === 'how' &&
    tokens.slice(0, colon).some((t) => t.lemma === 'work');
  // (the clause after a heading opens at its colon)
  return heading ? colon : 0;
}

function firstWords(tokens: readonly Token[]): Token[] {
  return tokens.filter(
    (t) => !['please', 'pls', 'so', 'hey', 'ok', 'okay', 'also', 'and', 'hi', 'yo', ','].includes(t.w),
  );
}

/** "can we get …?", "could you add …", "is it possible to have …", "how about a cache?" */
function asksForSomething(tokens: readonly Token[]): boolean {
  const words = firstWords(tokens);
  const [a, b, c, d] = words;
  if (a && MODALS.has(a.w) && b && ASKERS.has(b.w)) {
    const verb = c?.w === 'please' || c?.w === 'also' || c?.w === 'just' ? d : c;
    if (
      verb &&
      (CREATION_VERBS.has(verb.lemma) ||
        CHANGE_VERBS.has(verb.lemma) ||
        REMOVAL_VERBS.has(verb.lemma) ||
        verb.w === 'spin')
    )
      return true;
  }
  if (a && (a.w === 'how' || a.w === 'what') && b?.w === 'about') return true;
  // "would you mind adding …", "is there a way to get …", "any chance we could have …"
  if (a && MODALS.has(a.w) && b && ASKERS.has(b.w) && c?.w === 'mind') return true;
  if (
    words.some(
      (t, k) =>
        t.w === 'way' && words[k + 1]?.w === 'to' && (words[k - 1]?.w === 'a' || words[k - 1]?.w === 'any'),
    )
  )
    return true;
  // "legacy app runs on two EC2 instances …, can we codify that?": a description, then asked to build it
  if (
    tokens.some(
      (t, k) =>
        MODALS.has(t.w) &&
        k > 3 &&
        ASKERS.has(tokens[k + 1]?.w ?? '') &&
        [',', ';'].includes(tokens[k - 1]?.w ?? ''),
    )
  )
    return true;
  if (a && (a.w === 'is' || a.w === 'would') && words.some((t) => t.w === 'possible')) return true;
  if (
    a &&
    ['do', 'does'].includes(a.w) &&
    b &&
    ASKERS.has(b.w) &&
    c &&
    ['need', 'want'].includes(c.w) &&
    d &&
    ['a', 'an', 'to'].includes(d.w)
  )
    return false;
  if (a && (a.w === 'any' || a.w === 'need') && words.some((t) => t.w === 'chance')) return true;
  return false;
}

/**
 * The mood of a sentence. `named` gives the token positions where components (or pronouns) are named:
 * a removal verb counts only with something named after it in its clause ("delete objects after 90 days"
 * sets a lifecycle, it removes nothing), or before it ("the cache isn't needed").
 */
export function sentenceMood(sentence: Sentence, named: readonly number[]): SentenceMood {
  const { tokens } = sentence;
  if (removalSpan(tokens, named)) return 'removal';
  if (sentence.interrogative) {
    if (asksForSomething(tokens)) return 'request';
    return 'question';
  }
  const first = firstWords(tokens)[0];
  if (first && WH.has(first.w) && !['when', 'where'].includes(first.w) && headingEnd(tokens) === 0)
    return 'question';
  if (tokens.some((t) => CREATION_VERBS.has(t.lemma) && t.pos === 'VERB' && !t.negated)) return 'request';
  // a list of things with no verb ("an API, a Lambda and a table, prod") asks for them
  if (named.length > 0 && !tokens.some((t) => t.pos === 'VERB')) return 'request';
  return 'description';
}
