import { knownVerb } from '../analysis/repair-tags.ts';
import type { Token } from '../analysis/token.ts';
import type { Mention } from '../mentions/mention.ts';
import type { ClauseType } from './clauses.ts';

export const BE = new Set([
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'being',
  'get',
  'gets',
  'got',
  'gotten',
]);
export const ADVERBS = new Set([
  'there',
  'here',
  'then',
  'also',
  'directly',
  'automatically',
  'immediately',
  'asynchronously',
  'synchronously',
  'only',
  'just',
  'both',
  'all',
  'each',
  'either',
  'first',
  'finally',
  'eventually',
  'later',
  'next',
  'subsequently',
  'periodically',
  'securely',
  'durably',
  'reliably',
  'further',
  'in',
  'turn',
  'now',
  'still',
  'always',
  'never',
  'not',
  'actually',
  'simply',
  'typically',
  'usually',
]);
export const IRREGULAR = new Set([
  'read',
  'sent',
  'fed',
  'run',
  'put',
  'kept',
  'held',
  'hit',
  'built',
  'written',
  'driven',
  'taken',
  'given',
  'stored',
  'set',
  'made',
  'done',
  'shown',
  'known',
  'bound',
  'found',
  'thrown',
  'drawn',
  'chosen',
]);
/** Verbs that hand their meaning to a verb after them ("needs to read", "have a Lambda subscribe"). */
export const STOPPERS = new Set(['stop', 'prevent', 'block']);
export const CARRIERS = new Set([
  'need',
  'want',
  'have',
  'let',
  'get',
  'make',
  'require',
  'allow',
  'use',
  'able',
]);
const RELATIVES = new Set(['which', 'who', 'where', 'whose']);
const SUBORDINATORS = new Set(['when', 'whenever', 'once', 'after', 'if', 'upon', 'whereupon']);
const COORDINATORS = new Set(['and', 'or', 'then', 'but', 'plus', 'while']);
const BREAKS = new Set([',', ';', ':', '(', ')']);

/** Whether the token at `i` is a verb of the clause structure (not inside a mention). */
export function isVerb(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  if (!t) return false;
  if (t.pos === 'VERB') return true;
  if (t.pos !== 'AUX') return false;
  // "the worker has write access to the domain": having access is the clause's verb
  const access = ['access', 'permission', 'permissions'];
  const having =
    ['has', 'have', 'had'].includes(t.w) &&
    (access.includes(tokens[i + 1]?.w ?? '') || access.includes(tokens[i + 2]?.w ?? ''));
  // "does lookups against a Redis cache": the noun says what the light verb does
  return having || ['need', 'needs'].includes(t.w) || lightVerbNoun(tokens, i) !== undefined;
}

export function participle(t: Token): boolean {
  return /(ed|en)$/.test(t.w) || IRREGULAR.has(t.w);
}

export function isPassive(tokens: readonly Token[], at: number, reduced: boolean): boolean {
  const t = tokens[at]!;
  if (!participle(t)) return false;
  // "processed by a Lambda", "picked up by a Lambda"
  const particle = ['up', 'out', 'off'].includes(tokens[at + 1]?.w ?? '') ? 1 : 0;
  if (tokens[at + 1 + particle]?.w === 'by') return true;
  for (let j = at - 1; j >= 0; j--) {
    const w = tokens[j]!.w;
    if (BE.has(w)) return true;
    if (!ADVERBS.has(w)) break;
  }
  if (!reduced) return false;
  // "a Lambda triggered by a queue", "files uploaded to the bucket"; not "the worker read it"
  const next = tokens[at + 1];
  return next === undefined || !['DET', 'PRON', 'NUM'].includes(next.pos);
}

export interface Span {
  type: ClauseType;
  start: number;
  end: number;
}

/** Where clauses start: boundaries, relatives, subordinators, "to" + verb, and reduced relatives. */
export function spans(tokens: readonly Token[], inMention: (i: number) => Mention | undefined): Span[] {
  const out: Span[] = [];
  let current: Span = { type: 'main', start: 0, end: tokens.length };
  const open = (type: ClauseType, start: number) => {
    current.end = start;
    out.push(current);
    current = { type, start, end: tokens.length };
  };
  const verbAhead = (from: number): 'verb' | 'subject-verb' | undefined => {
    let sawMention = false;
    for (let j = from; j < tokens.length; j++) {
      const t = tokens[j]!;
      if (inMention(j)) {
        sawMention = true;
        continue;
      }
      if (isVerb(tokens, j)) return sawMention ? 'subject-verb' : 'verb';
      // ": a Lambda function is configured with …": a subject and its copula start a clause
      if (sawMention && t.pos === 'AUX' && ['is', 'are', 'was', 'were'].includes(t.w)) return 'subject-verb';
      if (ADVERBS.has(t.w) || t.w === 'it' || t.w === 'they' || t.pos === 'AUX' || t.pos === 'PART') {
        if (t.w === 'it' || t.w === 'they') sawMention = true;
        continue;
      }
      // "and a rule on that bus triggers …": a prepositional phrase after the subject
      if (sawMention && t.pos === 'ADP' && (inMention(j + 1) || inMention(j + 2))) continue;
      if (BREAKS.has(t.w) || COORDINATORS.has(t.w) || t.pos === 'ADP' || t.pos === 'SCONJ') return undefined;
      if (!sawMention && ['DET', 'ADJ', 'NUM', 'NOUN', 'PROPN'].includes(t.pos)) continue;
      return undefined;
    }
    return undefined;
  };
  for (let i = 0; i < tokens.length; i++) {
    const here = inMention(i);
    if (here) {
      // "a table the Lambda writes to": a mention right after another, then a verb, opens a relative
      const before = i > 0 ? inMention(i - 1) : undefined;
      // "a secret for the PSP token the service reads": a noun, then a subject and its verb
      const afterNoun =
        i > 0 &&
        !before &&
        ['NOUN', 'PROPN', 'ADJ'].includes(tokens[i - 1]!.pos) &&
        tokens[i]!.pos === 'DET' &&
        [...Array(i).keys()].some((k) => k >= current.start && inMention(k) !== undefined);
      const verbAfter = verbAhead(here.end) === 'verb';
      if (here.from === i && ((before && before !== here) || afterNoun) && current.start < i && verbAfter)
        open(current.type === 'event' ? 'main' : 'relative', i);
      else if (
        here.from === i &&
        current.type === 'event' &&
        current.start < i &&
        i > 0 &&
        !BREAKS.has(tokens[i - 1]!.w) &&
        tokens[i - 1]!.pos !== 'ADP' &&
        verbAhead(here.end) === 'verb' &&
        tokens
          .slice(current.start, i)
          .some((_x, k) => !inMention(current.start + k) && isVerb(tokens, current.start + k))
      )
        open('main', i);
      continue;
    }
    const t = tokens[i]!;
    const w = t.w;
    const asClause =
      w === 'as' &&
      (tokens[i + 1]?.w === 'soon' ||
        (['they', 'it', 'new', 'soon', 'files', 'objects', 'messages', 'events', 'records'].includes(
          tokens[i + 1]?.w ?? '',
        ) &&
          [1, 2, 3].some((k) => isVerb(tokens, i + k) || tokens[i + k]?.pos === 'AUX')));
    if (
      SUBORDINATORS.has(w) ||
      asClause ||
      ((w === 'each' || w === 'every') && tokens[i + 1]?.w === 'time')
    ) {
      open('event', i);
      continue;
    }
    if (w === 'so' || (w === 'in' && tokens[i + 1]?.w === 'order' && tokens[i + 2]?.w === 'to')) {
      // "so that the Lambda can cache its lookups": a purpose with its own subject
      open('purpose', i);
      if (tokens[i + 1]?.w === 'that') i++;
      continue;
    }
    // "a Lambda subscribed that forwards each alarm": after a participle describing a mention too
    // ("MySQL (Aurora) that the service reads": after a bracket too)
    const describedBefore =
      i > 1 &&
      ((participle(tokens[i - 1]!) && isVerb(tokens, i - 1)) || tokens[i - 1]!.w === ')') &&
      inMention(i - 2) !== undefined;
    if (
      RELATIVES.has(w) ||
      (w === 'that' &&
        i > 0 &&
        (inMention(i - 1) || describedBefore) &&
        !['NOUN', 'PROPN', 'ADJ', 'NUM'].includes(tokens[i + 1]?.pos ?? ''))
    ) {
      open('relative', i);
      continue;
    }
    if ((w === 'before' || w === 'after') && /ing$/.test(tokens[i + 1]?.w ?? '') && isVerb(tokens, i + 1)) {
      // "does lookups against Redis before falling back to Postgres": the same doer, next
      open('coordinated', i);
      continue;
    }
    if (w === 'for' && /ing$/.test(tokens[i + 1]?.w ?? '') && isVerb(tokens, i + 1) && !inMention(i + 1)) {
      // "a presigned URL for uploading a file to the bucket": what the earlier code does it for
      open('purpose', i);
      continue;
    }
    if (
      w === 'to' &&
      isVerb(tokens, i + 1) &&
      !inMention(i + 1) &&
      !CARRIERS.has(tokens[i - 1]?.lemma ?? '') &&
      !['able', 'going', 'supposed', 'used'].includes(tokens[i - 1]?.w ?? '')
    ) {
      open('purpose', i);
      continue;
    }
    const participleBy = isVerb(tokens, i + 1) && participle(tokens[i + 1]!) && tokens[i + 2]?.w === 'by';
    if (w === ',' && ((/ing$/.test(tokens[i + 1]?.w ?? '') && isVerb(tokens, i + 1)) || participleBy)) {
      // "a Fargate service behind an ALB, talking to Postgres": the participle describes a thing named before
      open('relative', i);
      continue;
    }
    if (BREAKS.has(w) || COORDINATORS.has(w)) {
      const ahead = verbAhead(i + 1);
      if (w === 'and' && ahead === 'subject-verb' && sharedVerb(tokens, current.start, i, inMention))
        continue;
      if (ahead === 'verb') open(current.type === 'event' && BREAKS.has(w) ? 'main' : 'coordinated', i);
      else if (ahead === 'subject-verb') open('main', i);
      else if (BREAKS.has(w) && current.type === 'event') open('main', i);
      continue;
    }
    // a participle right after a mention starts a reduced relative: "a Lambda triggered by SQS"
    if (
      isVerb(tokens, i) &&
      i > 0 &&
      inMention(i - 1) &&
      (participle(t) || /ing$/.test(w)) &&
      current.start < i
    ) {
      const verbs = tokens
        .slice(current.start, i)
        .filter((_x, k) => !inMention(current.start + k) && isVerb(tokens, current.start + k));
      // "let the worker read it", "have a Lambda subscribe": the verb after a causative is the clause's own
      if (verbs.some((x) => CARRIERS.has(x.lemma) || STOPPERS.has(x.lemma))) continue;
      const before = verbs.length > 0;
      if (before || tokens[i + 1]?.w === 'by' || /ing$/.test(w)) open('relative', i);
    }
  }
  current.end = tokens.length;
  out.push(current);
  return out.filter((s) => s.end > s.start);
}

/**
 * "a workflow and an SQS queue both receive them": subjects listed before one plural verb share it. The
 * clause so far has no verb, and the verb ahead is plural ("receive") or follows "both"/"all".
 */
function sharedVerb(
  tokens: readonly Token[],
  start: number,
  at: number,
  inMention: (i: number) => Mention | undefined,
): boolean {
  for (let k = start; k < at; k++) if (!inMention(k) && isVerb(tokens, k)) return false;
  for (let j = at + 1; j < tokens.length; j++) {
    if (inMention(j) || !isVerb(tokens, j)) continue;
    const t = tokens[j]!;
    return ['both', 'all'].includes(tokens[j - 1]?.w ?? '') || (t.w === t.lemma && t.pos === 'VERB');
  }
  return false;
}

/** "does lookups against", "makes calls to", "performs writes to": the noun says what the verb does. */
export function lightVerbNoun(tokens: readonly Token[], at: number): string | undefined {
  if (!['do', 'make', 'perform', 'run', 'issue', 'send'].includes(tokens[at]!.lemma)) return undefined;
  const next = tokens[at + 1];
  if (next?.pos !== 'NOUN') return undefined;
  const noun = knownVerb(next.lemma);
  return noun && ['lookup', 'call', 'write', 'read', 'query', 'request', 'update', 'insert'].includes(noun)
    ? noun
    : undefined;
}
