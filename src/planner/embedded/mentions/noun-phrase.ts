import type { ParamValue } from '../../../model/architecture.ts';
import { numberOf } from '../analysis/numbers.ts';
import type { Token } from '../analysis/token.ts';
import { SCHEDULE_ADJECTIVES } from '../lexicon/compounds.ts';
import { looksSecret } from '../lexicon/looks-secret.ts';
import type { Determiner } from './mention.ts';

const DEFINITE = new Set([
  'the',
  'this',
  'that',
  'these',
  'those',
  'our',
  'my',
  'its',
  'their',
  'your',
  'existing',
  'current',
  'same',
  'said',
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
  'one',
  'separate',
  'different',
  'any',
]);
const QUANTIFIED = new Set(['each', 'every', 'all', 'both']);
const NEGATIVE = new Set(['no', 'without', 'nor']);
const DISTINCT = new Set([
  'another',
  'second',
  'third',
  'fourth',
  'separate',
  'different',
  'additional',
  'extra',
  'other',
  'second-level',
]);
/** Adjectives that describe without naming: never part of an id. */
const PLAIN_ADJECTIVES = new Set(
  `big small large tiny medium main primary secondary simple basic managed private public shared single separate
dedicated serverless standard regular cheap fast global regional internal external encrypted durable highly available
fifo versioned relational scalable redundant persistent little couple pair few backend frontend prod production staging
dev development cheaper bigger smaller larger replicated ha multi az more one new another additional extra second third
existing current same own other different whole entire single simple separate custom central common generic real
sample example demo test first last next previous corresponding respective appropriate necessary required optional
downstream upstream target source destination output input given specified configured default proper specific several
various multiple many its our my your their the a an this that these those some any each every all both no same said
amazon aws fully low high highly cost effective cost-effective secure robust reliable resilient event driven
event-driven asynchronous synchronous async sync realtime real time near`.split(/\s+/),
);

/** More of one kind than anyone asks for in one message: a number that large is a quantity, not a count. */
const MAX_COUNT = 50;

export interface NounPhraseStart {
  /** Where the noun phrase starts. */
  from: number;
  determiner: Determiner;
  count?: number;
  distinct: boolean;
  each: boolean;
  own: boolean;
  role: string[];
  params: Record<string, ParamValue>;
  /** A number stated a quantity ("over 200 services"), not how many to make. */
  quantity?: boolean;
  /** A schedule adjective ("nightly", "scheduled") put the component on a timer. */
  scheduled?: string | null;
}

function roleWord(tokens: readonly Token[], j: number): boolean {
  const t = tokens[j]!;
  if (!/^[a-z][a-z0-9]*$/.test(t.w) || looksSecret(t.text)) return false;
  if (PLAIN_ADJECTIVES.has(t.w) || SCHEDULE_ADJECTIVES[t.w] !== undefined) return false;
  // a verb only names a thing inside a hyphenated word: "an image-resizing Lambda"
  if (t.pos === 'VERB') return t.joined || tokens[j + 1]?.joined === true;
  return t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'ADJ' || t.pos === 'X';
}

/**
 * Reads the words before a mention back to where its noun phrase starts: determiner, count, "another",
 * "each", "its own", schedule adjectives and qualifying words that name it ("the orders DynamoDB table":
 * role "orders"). Stops at verbs, prepositions, punctuation and the end of an earlier mention (`floor`).
 */
export function readNounPhraseStart(tokens: readonly Token[], start: number, floor: number): NounPhraseStart {
  const out: NounPhraseStart = {
    from: start,
    determiner: 'none',
    distinct: false,
    each: false,
    own: false,
    role: [],
    params: {},
  };
  const role: string[] = [];
  let j = start - 1;
  for (; j >= floor; j--) {
    const t = tokens[j]!;
    const w = t.w;
    if (w === 'own' && tokens[j - 1] && ['its', 'their', 'his', 'her'].includes(tokens[j - 1]!.w)) {
      out.own = true;
      out.each = true;
      out.distinct = true;
      out.determiner = 'indefinite';
      j--;
      continue;
    }
    if (DEFINITE.has(w) && (t.pos === 'DET' || t.pos === 'PRON' || t.pos === 'ADJ' || w === 'the')) {
      if (out.determiner === 'none') out.determiner = 'definite';
      if (w !== 'that' && w !== 'this') {
        j--;
        break;
      }
      j--;
      break;
    }
    if (QUANTIFIED.has(w)) {
      out.each = true;
      out.determiner = 'quantified';
      continue;
    }
    if (NEGATIVE.has(w)) {
      out.determiner = 'negative';
      j--;
      break;
    }
    const n = numberOf(w);
    if (
      n !== null &&
      (t.pos === 'NUM' || /^[a-z]+$/.test(w)) &&
      !t.joined &&
      !tokens[j + 1]?.joined &&
      out.count === undefined
    ) {
      if (w === 'single') continue;
      // "over 200 services", "up to 260,000 rules", "6000 APIs": a quantity said of the world, not a request
      const before = tokens[j - 1]?.w ?? '';
      const about =
        (['over', 'about', 'around', 'approximately', 'roughly', 'nearly', 'almost'].includes(before) &&
          n >= 10) ||
        (before === 'to' && tokens[j - 2]?.w === 'up') ||
        (before === 'than' && ['more', 'fewer', 'less'].includes(tokens[j - 2]?.w ?? ''));
      if (n > MAX_COUNT || about || tokens[j + 1]?.w === ',') {
        out.quantity = true;
        continue;
      }
      out.count = n;
      if (out.determiner === 'none') out.determiner = n === 1 ? 'indefinite' : 'none';
      continue;
    }
    if (w === 'of' && ['couple', 'pair', 'few', 'bunch', 'set'].includes(tokens[j - 1]?.w ?? '')) {
      const amount = numberOf(tokens[j - 1]!.w);
      if (amount !== null) out.count = amount;
      j--;
      continue;
    }
    if (INDEFINITE.has(w)) {
      if (DISTINCT.has(w)) out.distinct = true;
      if (out.determiner === 'none') out.determiner = 'indefinite';
      if (w === 'a' || w === 'an' || w === 'another' || w === 'some' || w === 'any') {
        // "four buckets, each with a Lambda": one per item
        if (tokens[j - 1]?.w === 'with' && tokens[j - 2]?.w === 'each') {
          out.own = true;
          out.each = true;
          out.distinct = true;
        }
        j--;
        break;
      }
      continue;
    }
    if (DISTINCT.has(w)) {
      out.distinct = true;
      continue;
    }
    const schedule = SCHEDULE_ADJECTIVES[w];
    if (schedule !== undefined) {
      out.scheduled = schedule;
      continue;
    }
    if (
      PLAIN_ADJECTIVES.has(w) &&
      (t.pos === 'ADJ' || t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'VERB')
    )
      continue;
    if (roleWord(tokens, j) && role.length < 3) {
      role.unshift(w);
      continue;
    }
    break;
  }
  out.from = j + 1;
  // "one worker per queue": what comes after "per" is every one of them
  if (
    tokens[out.from - 1]?.w === 'per' ||
    (tokens[out.from - 1]?.w === 'each' && tokens[out.from - 2]?.w === 'for')
  ) {
    out.determiner = 'quantified';
    out.each = true;
  }
  // "without a database", "no cache": the article came first, the negation before it
  if (
    NEGATIVE.has(tokens[out.from - 1]?.w ?? '') ||
    (NEGATIVE.has(tokens[out.from]?.w ?? '') && out.from < start)
  )
    out.determiner = 'negative';
  // keep the words nearest the noun: "the customer orders table" → "customer-orders"
  out.role = role.slice(-2);
  return out;
}
