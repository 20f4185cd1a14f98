import { CREATION_VERBS, REMOVAL_VERBS, VERB_CLASSES } from '../lexicon/verbs.ts';
import type { PartOfSpeech, Token } from './token.ts';

const KNOWN_VERBS = (lemma: string) =>
  VERB_CLASSES.has(lemma) || CREATION_VERBS.has(lemma) || REMOVAL_VERBS.has(lemma);

/** Base forms a word may be an inflection of: "routes" → "route", "copied" → "copy", "drained" → "drain". */
export function verbStems(word: string): string[] {
  const out = [word];
  const cut = (suffix: string) => (word.endsWith(suffix) ? word.slice(0, -suffix.length) : undefined);
  const ies = cut('ies') ?? cut('ied');
  if (ies) out.push(`${ies}y`);
  for (const suffix of ['es', 's', 'ed', 'ing']) {
    const stem = cut(suffix);
    if (!stem || stem.length < 2) continue;
    out.push(stem, `${stem}e`);
    if (/([bdgklmnprt])\1$/.test(stem)) out.push(stem.slice(0, -1));
  }
  return out;
}

/** The verb a word is a form of, if the domain lexicon knows it. */
export function knownVerb(word: string): string | undefined {
  return verbStems(word).find(KNOWN_VERBS);
}

const SUBJECT_ENDS: ReadonlySet<PartOfSpeech> = new Set(['NOUN', 'PROPN', 'PRON']);
const OBJECT_STARTS: ReadonlySet<PartOfSpeech> = new Set([
  'DET',
  'ADP',
  'PRON',
  'NUM',
  'PROPN',
  'NOUN',
  'ADJ',
]);
const MODAL_WORDS = new Set([
  'will',
  'would',
  'can',
  'could',
  'should',
  'must',
  'may',
  'might',
  'shall',
  'to',
]);
const OPENERS = new Set(['please', 'pls', 'plz', 'then', 'also', 'and', 'just', 'now']);
/** After these a verb form is a noun: "triggered by uploads", "a queue of orders". */
const NOUN_AFTER = new Set(['by', 'of', 'for', 'with', 'from', 'about', 'each', 'every']);
const FLOW_WORDS = new Set(['flow', 'go', 'travel', 'move', 'pass', 'land', 'end']);
const EVENT_NOUNS = new Set(['notification', 'notifications', 'event', 'events', 'trigger', 'triggers']);
const DETERMINERS = new Set(['a', 'an', 'the', 'my', 'our', 'its', 'their', 'your', 'his', 'her']);

/**
 * Domain repairs of the tagger's parts of speech, where its model of general English misreads our
 * verbs: "which routes them", "the function polls the queue" (3rd person forms read as plural nouns) and
 * imperatives opening a message ("drop the cache"). A known verb after a determiner becomes a noun again
 * ("the writes"). Mutates and returns the tokens' `pos` (and the lemma of a repaired verb).
 */
export function repairTags(tokens: Token[]): Token[] {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    // "they all read from the bucket": a floating quantifier leaves the verb a verb
    if (
      t.pos !== 'VERB' &&
      prev &&
      ['all', 'both', 'each'].includes(prev.w) &&
      ['PRON', 'NOUN', 'PROPN'].includes(tokens[i - 2]?.pos ?? '') &&
      knownVerb(t.w) &&
      next &&
      OBJECT_STARTS.has(next.pos)
    ) {
      retag(tokens, i, knownVerb(t.w)!);
      continue;
    }
    // "the same Lambda aggregates counts into DynamoDB": of two -s words after a noun, the first is the verb
    if (
      (t.pos === 'NOUN' || t.pos === 'PROPN') &&
      /[a-z]s$/.test(t.w) &&
      prev &&
      (prev.pos === 'PROPN' || prev.pos === 'NOUN') &&
      next?.pos === 'VERB' &&
      /[a-z]s$/.test(next.w) &&
      ['ADP', 'DET'].includes(tokens[i + 2]?.pos ?? '') &&
      knownVerb(t.w)
    ) {
      retag(tokens, i, knownVerb(t.w)!);
      tokens[i + 1] = { ...next, pos: 'NOUN' };
      continue;
    }
    // "a Lambda batches them into S3", "the service ships its logs": an -s word between a noun and an object
    if (
      (t.pos === 'NOUN' || t.pos === 'PROPN') &&
      /[a-z]s$/.test(t.w) &&
      prev &&
      (prev.pos === 'PROPN' || prev.pos === 'NOUN') &&
      next &&
      ['them', 'it', 'its', 'their', 'the', 'every', 'all', 'each'].includes(next.w)
    ) {
      retag(tokens, i, knownVerb(t.w) ?? t.w.replace(/(es|s)$/, ''));
      continue;
    }
    // "an object created notification", "a file uploaded event": a participle naming the kind of event
    if (
      t.pos === 'VERB' &&
      /ed$/.test(t.w) &&
      (prev?.pos === 'NOUN' || prev?.pos === 'PROPN') &&
      next !== undefined &&
      EVENT_NOUNS.has(next.w)
    ) {
      t.pos = 'ADJ';
      continue;
    }
    // "a rule routes matching events to a queue": an -s verb before a participle used as an adjective
    if (
      (t.pos === 'NOUN' || t.pos === 'PROPN') &&
      /[a-z]s$/.test(t.w) &&
      (prev?.pos === 'NOUN' || prev?.pos === 'PROPN') &&
      next?.pos === 'VERB' &&
      /ing$/.test(next.w) &&
      tokens[i + 2]?.pos === 'NOUN' &&
      knownVerb(t.w)
    ) {
      retag(tokens, i, knownVerb(t.w)!);
      tokens[i + 1] = { ...next, pos: 'ADJ' };
      continue;
    }
    // "a Lambda function that lists, updates and deletes rows": an -s verb opening a relative clause
    if (
      t.pos !== 'VERB' &&
      /[a-z]s$/.test(t.w) &&
      ['that', 'which', 'who'].includes(prev?.w ?? '') &&
      ['NOUN', 'PROPN'].includes(tokens[i - 2]?.pos ?? '') &&
      (next?.w === ',' || next?.w === 'and') &&
      knownVerb(t.w)
    ) {
      retag(tokens, i, knownVerb(t.w)!);
      continue;
    }
    // "creates, reads, updates and deletes items": a known verb in a list of verbs
    if (
      t.pos !== 'VERB' &&
      /[a-z]s$/.test(t.w) &&
      prev?.w === ',' &&
      tokens[i - 2]?.pos === 'VERB' &&
      (next?.w === ',' || next?.w === 'and' || next?.w === 'or') &&
      knownVerb(t.w)
    ) {
      retag(tokens, i, knownVerb(t.w)!);
      continue;
    }
    // "3 replicas, consuming the jobs queue": a participle opening a clause after a comma
    if (
      t.pos !== 'VERB' &&
      /ing$/.test(t.w) &&
      prev?.w === ',' &&
      knownVerb(t.w) &&
      next &&
      DETERMINERS.has(next.w)
    ) {
      retag(tokens, i, knownVerb(t.w)!);
      continue;
    }
    // "events flow from the signup Lambda to …": a plural subject, then a verb of motion
    if (
      t.pos === 'NOUN' &&
      FLOW_WORDS.has(t.w) &&
      prev?.pos === 'NOUN' &&
      /[^s]s$/.test(prev.w) &&
      ['from', 'to', 'into', 'through', 'via'].includes(next?.w ?? '')
    ) {
      retag(tokens, i, t.w);
      continue;
    }
    // "weekly report lambda, mondays at 8am, emails the pdf": the first verb of a comma list of facts
    if (
      t.pos !== 'VERB' &&
      /[a-z]s$/.test(t.w) &&
      prev?.w === ',' &&
      next !== undefined &&
      DETERMINERS.has(next.w) &&
      knownVerb(t.w) &&
      !tokens.slice(0, i).some((x) => x.pos === 'VERB')
    ) {
      retag(tokens, i, knownVerb(t.w)!);
      continue;
    }
    // "MySQL that the service reads and writes": "reads and writes" ending its clause (not "read-only")
    if (
      t.w === 'readwrite' &&
      (prev?.pos === 'NOUN' || prev?.pos === 'PROPN') &&
      (next === undefined || next.pos === 'PUNCT' || next.pos === 'CCONJ')
    ) {
      retag(tokens, i, 'readwrite');
      continue;
    }
    // "the tasks long-poll the queue": a verb written with a prefix
    if (t.pos !== 'VERB' && prev?.w === 'long' && knownVerb(t.w) && next && DETERMINERS.has(next.w)) {
      retag(tokens, i, knownVerb(t.w)!);
      continue;
    }
    // "…poll the queue, process each job and upload …": a base form listed after a verb's object
    if (
      t.pos !== 'VERB' &&
      prev?.w === ',' &&
      knownVerb(t.w) === t.w &&
      next !== undefined &&
      (DETERMINERS.has(next.w) || ['each', 'every', 'all'].includes(next.w)) &&
      tokens.slice(0, i - 1).some((x) => x.pos === 'VERB' && x.w === x.lemma)
    ) {
      retag(tokens, i, t.w);
      continue;
    }
    // "alerts reach a Lambda": a plural opening the sentence before a verb is its subject
    if (t.pos === 'VERB' && i === 0 && next?.pos === 'VERB' && /s$/.test(t.w)) {
      t.pos = 'NOUN';
      continue;
    }
    if (
      t.pos === 'VERB' &&
      prev &&
      (DETERMINERS.has(prev.w) || (NOUN_AFTER.has(prev.w) && !/ing$/.test(t.w)))
    ) {
      t.pos = 'NOUN';
      continue;
    }
    // "give the Lambda read access to the table": the kind of access, no verb
    if (
      (t.w === 'read' || t.w === 'write') &&
      ['access', 'permission', 'permissions', 'rights'].includes(next?.w ?? '')
    ) {
      t.pos = 'NOUN';
      continue;
    }
    if (
      (t.w === 'readwrite' || t.w === 'readonly' || t.w === 'writeonly') &&
      next &&
      OBJECT_STARTS.has(next.pos) &&
      next.w !== 'access'
    ) {
      retag(tokens, i, t.w === 'readwrite' ? 'readwrite' : t.w === 'readonly' ? 'read' : 'write');
      continue;
    }
    if (t.pos === 'VERB' || t.pos === 'AUX' || !/^[a-z]+$/.test(t.w)) continue;
    const verb = knownVerb(t.w);
    if (!verb) continue;
    // "that will call lambda functions", "captured by a rule and trigger the workflow": after a modal, or
    // after "and" in a clause that has one, a known verb's base form is the verb
    const modal = prev !== undefined && MODAL_WORDS.has(prev.w);
    const coordinated =
      prev?.w === 'and' && tokens.slice(0, i).some((x) => MODAL_WORDS.has(x.w)) && t.w === verb;
    if ((modal || coordinated) && next !== undefined && OBJECT_STARTS.has(next.pos)) {
      retag(tokens, i, verb);
      continue;
    }
    const opens = i === 0 || (i <= 2 && tokens.slice(0, i).every((x) => OPENERS.has(x.w)));
    const objectAfter = next === undefined || OBJECT_STARTS.has(next.pos);
    if (opens && next !== undefined && OBJECT_STARTS.has(next.pos) && !DETERMINERS.has(t.w)) {
      retag(tokens, i, verb);
      continue;
    }
    // "a worker consuming a queue", "both writing to a bucket": a participle after a noun or a quantifier
    if (
      /ing$/.test(t.w) &&
      prev &&
      (prev.pos === 'NOUN' || prev.pos === 'PROPN' || ['both', 'all', 'each'].includes(prev.w)) &&
      next &&
      OBJECT_STARTS.has(next.pos)
    ) {
      retag(tokens, i, verb);
      continue;
    }
    const inflected =
      (/(s|ed)$/.test(t.w) && t.w !== verb) ||
      (prev?.pos === 'NOUN' && /[^s]s$/.test(prev.w) && t.w === verb);
    const afterSubject =
      prev !== undefined &&
      (SUBJECT_ENDS.has(prev.pos) || ['which', 'that', 'who', 'and', 'then', 'also', 'or'].includes(prev.w));
    if (inflected && afterSubject && objectAfter && !(prev && DETERMINERS.has(prev.w)))
      retag(tokens, i, verb);
  }
  return tokens;
}

function retag(tokens: Token[], i: number, verb: string): void {
  const t = tokens[i]!;
  tokens[i] = { ...t, pos: 'VERB', lemma: verb };
}
