import { knownVerb } from '../analysis/repair-tags.ts';
import type { Token } from '../analysis/token.ts';
import type { Mention } from '../mentions/mention.ts';
import {
  ADVERBS,
  BE,
  CARRIERS,
  isPassive,
  isVerb,
  lightVerbNoun,
  participle,
  STOPPERS,
  spans,
} from './clause-spans.ts';

/** A mention in a clause, with the preposition that introduces it ("to" in "writes to the table"). */
export interface Argument {
  readonly mention: Mention;
  readonly prep: string | undefined;
}

/**
 * How a clause hangs on the rest of its sentence:
 * - `main`: has its own subject (or is an imperative);
 * - `coordinated`: "…and writes to S3": shares the subject of the clause before;
 * - `relative`: "…which routes them", "…triggered by a queue": its subject is an earlier mention;
 * - `event`: "when a file lands in the bucket": what happens triggers the main clause's actor;
 * - `purpose`: "…to process the orders": the earlier compute does it.
 */
export type ClauseType = 'main' | 'coordinated' | 'relative' | 'event' | 'purpose';

export interface Clause {
  readonly type: ClauseType;
  /** The verb, its token position and lemma; undefined for a clause of noun phrases only. */
  readonly verb?: {
    readonly at: number;
    readonly lemma: string;
    readonly passive: boolean;
    readonly negated: boolean;
  };
  /** Mentions before the verb (or all mentions, when there is no verb). */
  readonly subjects: Argument[];
  /** Mentions after the verb, each with its preposition. */
  readonly objects: Argument[];
  /** For relative and purpose clauses: the mentions before the clause, nearest first. */
  readonly antecedents: Mention[];
  readonly start: number;
  readonly end: number;
}

/** Splits a sentence into clauses, each with its verb, subjects and objects. */
export function clausesOf(tokens: readonly Token[], mentions: readonly Mention[]): Clause[] {
  const at = new Map<number, Mention>();
  for (const m of mentions) for (let k = m.from; k < m.end; k++) at.set(k, m);
  const inMention = (i: number) => at.get(i);
  const clauses: Clause[] = [];
  for (const span of spans(tokens, inMention)) {
    let verbAt = -1;
    for (let i = span.start; i < span.end; i++) {
      if (!inMention(i) && isVerb(tokens, i)) {
        verbAt = i;
        // "is used to …", "are processed by": the participle carries the meaning
        if ((BE.has(tokens[i]!.w) || tokens[i]!.pos === 'AUX') && lightVerbNoun(tokens, i) === undefined)
          continue;
        break;
      }
    }
    // "a photo uploaded to the bucket triggers the Lambda": the participle describes the subject; the
    // finite verb after it is the clause's
    if (
      verbAt > 0 &&
      participle(tokens[verbAt]!) &&
      tokens[verbAt]!.w !== tokens[verbAt]!.lemma &&
      inMention(verbAt - 1)
    ) {
      for (let i = verbAt + 1; i < span.end; i++) {
        const t = tokens[i]!;
        // "a Lambda subscribed that forwards …": a relative's verb is not the clause's
        if (['that', 'which', 'who', ','].includes(t.w)) break;
        if (!inMention(i) && isVerb(tokens, i) && /[^s]s$/.test(t.w) && !participle(t)) {
          verbAt = i;
          break;
        }
      }
    }
    // "stop the bucket from triggering the Lambda": the later verb, negated
    let stopped = false;
    if (verbAt >= 0 && STOPPERS.has(tokens[verbAt]!.lemma)) {
      for (let i = verbAt + 1; i < span.end; i++) {
        if (!inMention(i) && isVerb(tokens, i) && knownVerb(tokens[i]!.w) !== undefined) {
          verbAt = i;
          stopped = true;
          break;
        }
      }
    }
    // "needs to talk to", "have a Lambda subscribe to", "let the worker read": the second verb is the link
    if (verbAt >= 0 && CARRIERS.has(tokens[verbAt]!.lemma)) {
      const carrier = tokens[verbAt]!.lemma;
      for (let i = verbAt + 1; i < span.end; i++) {
        // "using credentials stored in Secrets Manager": a participle after a noun describes it
        const t = tokens[i]!;
        const describes = inMention(i - 1) || tokens[i - 1]!.pos === 'NOUN';
        if (carrier === 'use' && participle(t) && t.w !== t.lemma && describes) break;
        if (
          !inMention(i) &&
          isVerb(tokens, i) &&
          !BE.has(tokens[i]!.w) &&
          knownVerb(tokens[i]!.w) !== undefined
        ) {
          verbAt = i;
          break;
        }
      }
    }
    const members = mentions.filter((m) => m.start >= span.start && m.start < span.end);
    const subjects: Argument[] = [];
    const objects: Argument[] = [];
    for (const m of members) {
      // "writes the labels it returns to the table": a pronoun before its own verb is no object here
      if (m.type === 'pronoun' && verbAt >= 0 && m.start > verbAt && isVerb(tokens, m.end)) continue;
      const own = prepositionBefore(tokens, m, span.start, inMention);
      const side = verbAt < 0 || m.start < verbAt ? subjects : objects;
      const listHead = [...side].reverse().find((a) => a.prep === undefined || !APPOSITION_PREPS.has(a.prep));
      const prep = own === LISTED ? listHead?.prep : own;
      side.push({ mention: m, prep: prep === LISTED ? undefined : prep });
    }
    const verbToken = verbAt >= 0 ? tokens[verbAt]! : undefined;
    const reduced = span.type === 'relative' && verbAt === span.start;
    clauses.push({
      type: span.type,
      ...(verbToken
        ? {
            verb: {
              at: verbAt,
              lemma:
                lightVerbNoun(tokens, verbAt) ??
                fallsBack(tokens, verbAt) ??
                knownVerb(verbToken.w) ??
                verbToken.lemma,
              passive: isPassive(tokens, verbAt, reduced),
              negated:
                stopped ||
                verbToken.negated ||
                tokens[verbAt - 1]?.w === 'not' ||
                tokens[verbAt - 1]?.w === 'never',
            },
          }
        : {}),
      subjects,
      objects,
      antecedents: mentions.filter((m) => m.end <= span.start).reverse(),
      start: span.start,
      end: span.end,
    });
  }
  return shareListedObjects(clauses, tokens);
}

/**
 * "creates, reads, updates and deletes items in a table": verbs listed with nothing between them but commas
 * and "and" all take the last one's objects.
 */
function shareListedObjects(clauses: Clause[], tokens: readonly Token[]): Clause[] {
  for (let k = clauses.length - 2; k >= 0; k--) {
    const here = clauses[k]!;
    const next = clauses[k + 1]!;
    if (!here.verb || !next.verb || here.objects.length > 0 || next.type !== 'coordinated') continue;
    const between = tokens.slice(here.verb.at + 1, next.verb.at).map((t) => t.w);
    if (between.length === 0 || !between.every((w) => w === ',' || w === 'and' || w === 'or')) continue;
    // "for caching and persists palettes": a different form starts another clause
    const form = (at: number) => tokens[at]!.w.replace(/^.*?(ing|ed|s)?$/, '$1');
    if (form(here.verb.at) !== form(next.verb.at)) continue;
    clauses[k] = { ...here, objects: next.objects };
  }
  return clauses;
}

/** "falls back to Postgres": on a miss, it queries that. */
function fallsBack(tokens: readonly Token[], at: number): string | undefined {
  return tokens[at]!.lemma === 'fall' && tokens[at + 1]?.w === 'back' ? 'query' : undefined;
}

/** Prepositions that name the same thing again ("the orders service on ECS"): a list never inherits them. */
const APPOSITION_PREPS = new Set(['on', 'as', 'in', '(']);

/** The preposition of a mention listed after another ("from S3 and DynamoDB"): it shares the first's. */
export const LISTED = 'listed';

const PREPOSITIONS = new Set([
  'to',
  'into',
  'in',
  'on',
  'onto',
  'from',
  'by',
  'with',
  'via',
  'through',
  'using',
  'behind',
  'for',
  'of',
  'between',
  'off',
  'over',
  'across',
  'against',
  'within',
  'at',
  'under',
  '→',
  '+',
  'front',
  'toward',
  'towards',
  'out',
]);

/** The preposition or link symbol before a mention, skipping determiners and words of its noun phrase. */
function prepositionBefore(
  tokens: readonly Token[],
  m: Mention,
  floor: number,
  inMention: (i: number) => Mention | undefined,
): string | undefined {
  let listed = false;
  for (let j = m.from - 1; j >= floor; j--) {
    const t = tokens[j]!;
    if (inMention(j)) return listed ? LISTED : undefined;
    if (PREPOSITIONS.has(t.w)) {
      if (t.w === 'of' && tokens[j - 1]?.w === 'front') return 'front';
      if (t.w === 'of' && tokens[j - 1]?.w === 'out') return 'from';
      return t.w;
    }
    if (t.w === 'and' || t.w === ',' || t.w === 'or' || t.w === 'as') {
      listed = true;
      continue;
    }
    if (ADVERBS.has(t.w) || t.pos === 'DET' || t.pos === 'ADJ' || t.pos === 'NUM') continue;
    // "with the cluster ARN and a secret": a list's first item need not name a component
    if (listed && (t.pos === 'NOUN' || t.pos === 'PROPN')) continue;
    return undefined;
  }
  return undefined;
}
