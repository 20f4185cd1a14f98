import type { Connection, ParamValue } from '../../model/architecture.ts';
import { type AccessMode, COMPUTE_KINDS, type ComponentKind } from '../../model/kinds.ts';
import type { PlanIntent, Planner, PlannerInput, PlanResult } from '../planner.ts';
import { Draft } from './draft.ts';
import type { PlannerKnowledge } from './knowledge.ts';
import { knowledgeBase } from './knowledge.ts';
import { DEFAULT_ID, ID_SUFFIX, KIND_LABEL } from './lexicon.ts';
import type { Mention } from './mentions.ts';
import { findMentions } from './mentions.ts';
import { findMeta } from './meta.ts';
import type { ParamHit } from './params.ts';
import { findParams } from './params.ts';
import type { Token } from './tokenize.ts';
import { numberOf, tokenize } from './tokenize.ts';
import type { VerbClass } from './verbs.ts';
import { LINK_PREFERENCES, LINK_WORDS, UPSTREAM_RANK, VERB_PREFERENCES, VERBS, verbClass } from './verbs.ts';

const UNDO = /^\s*(please\s+)?(undo|revert|roll\s?back|go back|scratch that|never\s?mind|take that back)\b/i;
const REDO = /^\s*(please\s+)?(redo|re-do|put it back|undo the undo|bring it back)\b/i;
const SUBMIT =
  /\b(submit|ship it|send (it |this )?(for|to) review|request (a )?review|open (a )?change request|create (a |the )?change request|file (a |the )?change request)\b/i;
const SMALLTALK =
  /^\s*(hi|hello|hey|yo|thanks|thank you|cheers|ok|okay|great|cool|nice|perfect|awesome|good (morning|afternoon|evening))\b[\s!.,a-z]*$/i;
/** "hey so for the orders thing we need ..." opens with a greeting but is a request. */
const SMALLTALK_MAX_WORDS = 8;
const QUESTION_START = /^\s*(why|what|how|which|explain|tell me|show me|list)\b/i;
const POLITE_REQUEST =
  /^\s*(can|could|would|will)\s+(you|we|i)\s+(please\s+)?(add|make|create|remove|drop|delete|switch|change|rename|connect|give|set|bump|increase|use|put|move|turn|enable|disable)\b/i;

const REMOVE_VERBS = new Set([
  'remove',
  'delete',
  'drop',
  'destroy',
  'kill',
  'ditch',
  'decommission',
  'eliminate',
]);
const SWITCH_VERBS = new Set([
  'switch',
  'change',
  'convert',
  'migrate',
  'move',
  'swap',
  'turn',
  'make',
  'replace',
  'use',
  'go',
]);
const CREATE_CUES = new Set([
  'add',
  'need',
  'want',
  'create',
  'also',
  'plus',
  'another',
  'provision',
  'spin',
  'build',
  'give',
  'include',
  'new',
]);
const FAMILIES: readonly (readonly ComponentKind[])[] = [
  ['postgres', 'mysql', 'kv_table'],
  ['queue', 'topic', 'event_bus', 'stream'],
  ['function', 'container_service', 'worker', 'vm', 'k8s_cluster'],
  ['bucket', 'file_system'],
  ['http_api', 'load_balancer'],
  ['cache', 'search'],
];
const COMPUTE: ReadonlySet<ComponentKind> = new Set(COMPUTE_KINDS);
/** After these words a verb form is a noun ("triggered by uploads", "the writes"). */
const NOUN_CONTEXT = new Set([
  'by',
  'the',
  'a',
  'an',
  'on',
  'of',
  'new',
  'any',
  'each',
  'all',
  'its',
  'their',
  'our',
  'my',
]);
const NAME_STOPS = new Set([
  'and',
  'with',
  'that',
  'which',
  ',',
  'for',
  'in',
  'to',
  'on',
  'from',
  'of',
  'as',
  'plus',
  '?',
  ':',
]);
const CLAUSE_BREAKS = new Set(['and', ',', 'then', 'plus', 'while', 'so']);
const RELATIVE = new Set(['that', 'which', 'where']);
/** Before these a word is a verb: "a Lambda should email the report", "who emails", "to email". */
const MODALS = new Set(['who', 'should', 'will', 'would', 'can', 'could', 'must', 'to', 'then', 'also']);
/** Auxiliaries of the passive: "jobs are consumed by", "events get written to". */
const PASSIVE_AUXILIARIES = new Set([
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
]);
/** Participles that do not end in -ed or -en. */
const IRREGULAR_PARTICIPLES = new Set(['read', 'sent', 'fed', 'run', 'put', 'kept', 'held', 'hit', 'built']);
/** Prepositions that put the object of a passive verb after it: "stored in a bucket by the worker". */
const OBJECT_PREPOSITIONS = new Set(['in', 'into', 'to', 'onto', 'on', 'from', 'off', 'of']);
const EVENT_SOURCES: ReadonlySet<ComponentKind> = new Set([
  'bucket',
  'queue',
  'stream',
  'topic',
  'event_bus',
  'kv_table',
]);
const PULL_SOURCES: ReadonlySet<ComponentKind> = new Set(['queue', 'stream', 'topic', 'event_bus']);
const FRONT_DOORS: ReadonlySet<ComponentKind> = new Set(['http_api', 'load_balancer']);

interface TurnState {
  draft: Draft;
  knowledge: PlannerKnowledge;
  notes: string[];
  questions: string[];
  focus: string | undefined;
  focusAll: readonly string[];
  /** The previous message removed something, so "and the queue too" removes as well. */
  continuesRemoval: boolean;
  lastSubject: string[] | undefined;
  sawQuestion: boolean;
  /** Components added without being named (a schedule's cron, an API's handler): "it" never means them. */
  implicit: Set<string>;
  /** The mentions of the sentence being planned. */
  sentence: readonly Resolved[];
  /** The words of the sentence being planned. */
  tokens: readonly Token[];
  /** Links made by a bare link word ("with", "+", "->") this sentence, as `from>to`; a verb replaces them. */
  bareLinks: Set<string>;
}

/** Splits a message into sentences; dots inside words ("db.r6g.large") do not split. */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?;])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

function isQuestion(sentence: string): boolean {
  if (POLITE_REQUEST.test(sentence)) return false;
  return sentence.trim().endsWith('?') || QUESTION_START.test(sentence);
}

/** Deterministic language understanding over the kind catalogue: no model, no network, a few ms a turn. */
export class EmbeddedPlanner implements Planner {
  readonly name = 'embedded' as const;
  private readonly knowledge: PlannerKnowledge;

  constructor(knowledge: PlannerKnowledge = knowledgeBase()) {
    this.knowledge = knowledge;
  }

  async plan(input: PlannerInput): Promise<PlanResult> {
    return this.planSync(input);
  }

  planSync(input: PlannerInput): PlanResult {
    const text = input.message.trim();
    const result = (intent: PlanIntent, extra: Partial<PlanResult> = {}): PlanResult => ({
      operations: [],
      questions: [],
      notes: [],
      planner: 'embedded',
      intent,
      ...extra,
    });
    if (text.length === 0) return result('smalltalk', { questions: ['What would you like to build?'] });
    if (UNDO.test(text)) return result('undo');
    if (REDO.test(text)) return result('redo');
    if (SMALLTALK.test(text) && text.split(/\s+/).length <= SMALLTALK_MAX_WORDS) return result('smalltalk');

    const draft = new Draft(input.architecture);
    const state: TurnState = {
      draft,
      knowledge: this.knowledge,
      notes: [],
      questions: [],
      focus:
        input.focus?.at(-1) ??
        (input.architecture.components.length === 1 ? input.architecture.components[0]!.id : undefined),
      focusAll: input.focus ?? [],
      continuesRemoval:
        input.previousMessage !== undefined && findRemoveVerb(tokenize(input.previousMessage)) >= 0,
      lastSubject: undefined,
      sawQuestion: false,
      implicit: new Set(),
      sentence: [],
      tokens: [],
      bareLinks: new Set(),
    };
    let submit = false;
    for (const sentence of sentences(text)) {
      if (isQuestion(sentence)) {
        state.sawQuestion = true;
        continue;
      }
      if (SUBMIT.test(sentence)) {
        submit = true;
        continue;
      }
      planSentence(sentence, state);
    }
    const operations = draft.operations;
    if (operations.length > 0) {
      return result('edit', { operations, questions: dedupe(state.questions), notes: dedupe(state.notes) });
    }
    if (submit) return result('submit', { notes: dedupe(state.notes) });
    if (state.sawQuestion) return result('question', { notes: dedupe(state.notes) });
    return result('edit', {
      questions:
        state.questions.length > 0
          ? dedupe(state.questions)
          : [
              'I did not find a change in that. What should I add or change (for example "add a queue" or "make the database multi-AZ")?',
            ],
      notes: dedupe(state.notes),
    });
  }
}

function dedupe(items: readonly string[]): string[] {
  return [...new Set(items)];
}

function currentFocus(state: TurnState): string | undefined {
  const touched = state.draft.touched.at(-1);
  if (touched && state.draft.get(touched)) return touched;
  if (state.focus && state.draft.get(state.focus)) return state.focus;
  if (state.draft.components.length === 1) return state.draft.components[0]!.id;
  return undefined;
}

/** What the last message touched, then what this turn touched so far, each once, oldest first. */
function recentIds(state: TurnState): string[] {
  return [...new Set([...state.focusAll, ...state.draft.touched])];
}

function label(state: TurnState, id: string): string {
  const component = state.draft.get(id);
  return component ? `${id} (${KIND_LABEL[component.kind]})` : id;
}

function planSentence(sentence: string, state: TurnState): void {
  const { draft } = state;
  const tokens = tokenize(sentence);
  const meta = findMeta(tokens, sentence);
  const covered = new Set(meta.covered);
  const names = findNames(tokens, covered);
  const hits = findParams(tokens, sentence.replace(/\b(called|named)\s+["'`]?[a-z0-9][\w.-]*["'`]?/gi, ' '));
  for (const hit of hits) if (hit.covers) for (let p = hit.start; p < hit.end; p++) covered.add(p);

  const renameAt = tokens.findIndex((t) => t.w === 'rename');
  const callAt = ['call', 'name'].includes(tokens[0]?.w ?? '') ? 0 : -1;
  if (renameAt >= 0 || callAt >= 0) {
    const end = rename(
      tokens,
      renameAt >= 0 ? renameAt : callAt,
      renameAt >= 0 ? 'rename' : 'call',
      covered,
      state,
    );
    if (end >= 0) {
      applyMeta(meta, state);
      const rest = tokens
        .slice(end)
        .map((t) => t.typed ?? t.w)
        .join(' ')
        .replace(/^(and|,)\s+/, '');
      if (rest.trim().length > 0) planSentence(rest, state);
      return;
    }
  }

  const mentions = findMentions(
    tokens,
    covered,
    draft.components.map((c) => c.id),
    currentFocus(state),
  );

  if (unlinkOrNarrow(tokens, mentions, state)) {
    applyMeta(meta, state);
    return;
  }
  let removeAt = findRemoveVerb(tokens);
  if (removeAt < 0 && state.continuesRemoval && isContinuation(tokens)) removeAt = 0;
  if (removeAt >= 0) {
    const paramFirst = hits.find((h) => h.start > removeAt);
    const mentionFirst = mentions.find((m) => m.start > removeAt);
    if (!paramFirst || (mentionFirst && mentionFirst.start < paramFirst.start)) {
      // "we don't need the worker, the Lambda will consume the queue": a later clause with its own verb
      // is a new statement, not more things to remove
      const split = clauseWithVerb(tokens, mentionFirst ? mentionFirst.end : removeAt + 1, mentions);
      let targets = mentions.filter((m) => m.start > removeAt && m.start < split);
      // "the cache isn't needed, get rid of it": "it" is what the sentence named before the verb
      const named = mentions.filter((m) => !m.pronoun && m.start < removeAt);
      if (targets.length > 0 && targets.every((m) => m.pronoun) && named.length > 0) targets = named;
      remove(targets, state);
      applyMeta(meta, state);
      if (split < tokens.length) {
        const rest = tokens
          .slice(split)
          .map((t) => t.typed ?? t.w)
          .join(' ');
        planSentence(rest, state);
      }
      return;
    }
  }
  if (tokens.some((t) => t.w === 'disconnect' || t.w === 'unlink') && mentions.length >= 2) {
    const ids = mentions.map((m) => resolveExisting(m, state)).filter((id): id is string => id !== undefined);
    if (ids.length >= 2) {
      const [a, b] = ids as [string, string];
      if (draft.hasConnection(a, b)) draft.disconnect(a, b);
      else if (draft.hasConnection(b, a)) draft.disconnect(b, a);
      else state.notes.push(`${a} and ${b} were not connected.`);
    }
    applyMeta(meta, state);
    return;
  }
  if (switchKind(tokens, mentions, hits, state)) {
    applyMeta(meta, state);
    return;
  }

  const resolved = emailDomain(resolveMentions(tokens, mentions, names, hits, state), hits, state);
  state.sentence = resolved;
  state.tokens = tokens;
  state.bareLinks.clear();
  draft.additive = tokens.some(
    (t, i) => t.w === 'too' || t.w === 'also' || (t.w === 'well' && tokens[i - 1]?.w === 'as'),
  );
  absorbSiteParts(tokens, resolved, state);
  assignParams(hits, resolved, state);
  const clauses = eventClauses(tokens, resolved, state);
  for (const p of clauses.covered) covered.add(p);
  const between = channelBetween(tokens, resolved, state);
  const reached = reachedThrough(tokens, resolved, state);
  for (const p of reached.covered) covered.add(p);
  connectMentions(
    tokens,
    covered,
    resolved.filter((r) => !clauses.excluded.has(r) && !between.has(r) && r !== reached.receiver),
    state,
  );
  perItem(tokens, resolved, state);
  frontOfWhatExists(tokens, resolved, state);
  scheduleLinks(hits, resolved, state);
  domainLinks(hits, resolved, state);
  applyMeta(meta, state);
}

/** "a function called nightly-report": the name, keyed by the position of "called"; its words are covered. */
function findNames(tokens: readonly Token[], covered: Set<number>): Map<number, string> {
  const names = new Map<number, string>();
  for (let i = 1; i < tokens.length; i++) {
    const w = tokens[i]!.w;
    if (w !== 'called' && w !== 'named') continue;
    if (['is', 'be', 'app', 'project', 'stack', 'it', 'application', 'system'].includes(tokens[i - 1]!.w))
      continue;
    const words: string[] = [];
    for (let j = i + 1; j < tokens.length && words.length < 4; j++) {
      const t = tokens[j]!;
      if (NAME_STOPS.has(t.w) || VERBS.has(t.w)) break;
      words.push(t.typed ?? t.w);
    }
    const name = kebab(words);
    if (name.length === 0) continue;
    names.set(i, name);
    for (let j = i; j <= i + words.length; j++) covered.add(j);
  }
  return names;
}

function applyMeta(meta: ReturnType<typeof findMeta>, state: TurnState): void {
  const change: Parameters<Draft['setMeta']>[0] = {};
  if (meta.team) change.team = meta.team;
  if (meta.environment) change.environment = meta.environment;
  if (meta.region) change.region = meta.region;
  if (meta.name) change.name = meta.name;
  state.draft.setMeta(change);
}

/** "and the queue too", "the topic as well": a sentence that only adds objects to the previous one. */
function isContinuation(tokens: readonly Token[]): boolean {
  const words = tokens.map((t) => t.w);
  const first = words[0];
  const last = words.at(-1);
  const tail = words.slice(-2).join(' ');
  return (
    (first === 'and' || first === 'also' || last === 'too' || tail === 'as well') &&
    !words.some((w) => VERBS.has(w) || CREATE_CUES.has(w))
  );
}

function findRemoveVerb(tokens: readonly Token[]): number {
  for (let i = 0; i < tokens.length; i++) {
    const w = tokens[i]!.w;
    const next = tokens[i + 1]?.w;
    // "drop a message on the queue": dropping something new somewhere is sending it, not removing
    if (w === 'drop' && (next === 'a' || next === 'an')) continue;
    if (REMOVE_VERBS.has(w)) return i;
    if (w === 'get' && next === 'rid') return i + 2;
    if (w === 'tear' && next === 'down') return i + 1;
    if (
      (w === 'longer' && tokens[i - 1]?.w === 'no') ||
      w === 'dont' ||
      w === 'doesnt' ||
      (w === 'not' && (tokens[i - 1]?.w === 'do' || tokens[i - 1]?.w === 'does'))
    ) {
      if (next === 'need' || next === 'want') return i + 1;
    }
  }
  return -1;
}

const NEGATIONS = new Set([
  'not',
  'never',
  'nt',
  'shouldnt',
  'dont',
  'doesnt',
  'wont',
  'cant',
  'mustnt',
  'stop',
  'stops',
]);
const LINK_NOUNS = new Set([
  'link',
  'links',
  'connection',
  'connections',
  'access',
  'edge',
  'arrow',
  'permission',
]);
const CUT_VERBS = new Set([...REMOVE_VERBS, 'cut', 'sever', 'break', 'revoke', 'disconnect', 'unlink']);
const TOUCH_VERBS = new Set(['touch', 'touches', 'reach', 'reaches', 'see', 'sees']);

/** Where a negation of a link starts ("shouldn't write", "no longer publishes", "stop ... writing"), or -1. */
function negationAt(tokens: readonly Token[]): number {
  for (let i = 0; i < tokens.length; i++) {
    const w = tokens[i]!.w;
    if (NEGATIONS.has(w) || (w === 'longer' && tokens[i - 1]?.w === 'no')) return i;
    if (w === 'any' && tokens[i + 1]?.w === 'more') return i;
    if (w === 'anymore') return i;
  }
  return -1;
}

/**
 * A link between two components that exist, taken away or narrowed: "the worker shouldn't touch the bucket
 * any more", "stop the function writing to the table" (a data link loses that direction), "cut the link
 * between the service and the cache", "make the worker's access to the table read-only". The components
 * stay. False when the sentence is not about an existing link.
 */
function unlinkOrNarrow(tokens: readonly Token[], mentions: readonly Mention[], state: TurnState): boolean {
  const { draft } = state;
  const named: { id: string; at: number }[] = [];
  for (const m of mentions) {
    if (m.pronoun) continue;
    const id = resolveExisting(m, state);
    if (id && !draft.added.has(id) && !named.some((n) => n.id === id)) named.push({ id, at: m.start });
  }
  const pronoun = mentions.find((m) => m.pronoun);
  if (named.length === 1 && pronoun) {
    // "keep the bucket but the service shouldn't write to it": "it" is the other thing this sentence named
    const focus = currentFocus(state);
    const other = mentions.find(
      (m) => !m.pronoun && m.start < pronoun.start && resolveExisting(m, state) !== named[0]!.id,
    );
    const id = other ? resolveExisting(other, state) : focus;
    if (id && id !== named[0]!.id && draft.get(id)) named.push({ id, at: pronoun.start });
  }
  if (named.length < 2) return false;
  const between = (a: string, b: string) =>
    draft.connections.find((c) => (c.from === a && c.to === b) || (c.from === b && c.to === a));
  let pair: Connection | undefined;
  for (let x = 0; x < named.length && !pair; x++)
    for (let y = x + 1; y < named.length && !pair; y++) pair = between(named[x]!.id, named[y]!.id);
  if (!pair) return false;

  const words = tokens.map((t) => t.w);
  const cut = words.some(
    (w, i) => CUT_VERBS.has(w) && words.slice(i + 1, i + 4).some((v) => LINK_NOUNS.has(v)),
  );
  const negation = negationAt(tokens);
  if (cut || (words.includes('disconnect') && negation < 0)) {
    draft.disconnect(pair.from, pair.to);
    return true;
  }
  const narrowTo = words.includes('readonly')
    ? 'read'
    : words.some((w, i) => w === 'write' && words[i + 1] === 'only')
      ? 'write'
      : undefined;
  if (narrowTo && negation < 0 && pair.access === 'readwrite') {
    draft.disconnect(pair.from, pair.to);
    draft.connect(pair.from, pair.to, narrowTo);
    return true;
  }
  if (negation < 0) return false;
  // the verb the negation applies to: the first link verb after it (or before "any more")
  // "no longer needs to publish": the need is for the verb after "to"
  const after = tokens
    .slice(negation + 1)
    .find(
      (t, k, rest) =>
        (verbClass(t.w) !== undefined || TOUCH_VERBS.has(t.w)) &&
        !(['need', 'needs', 'want', 'wants'].includes(t.w) && rest[k + 1]?.w === 'to'),
    );
  const before = [...tokens.slice(0, negation)].reverse().find((t) => verbClass(t.w) !== undefined);
  const verbToken = after ?? before;
  if (!verbToken) return false;
  const verb = verbClass(verbToken.w);
  // "we don't need the worker": a need without a link verb is a removal, not an unlink
  if (verb === 'readwrite' && ['need', 'needs', 'want'].includes(verbToken.w)) return false;
  if (pair.access === 'readwrite' && (verb === 'write' || verb === 'read')) {
    draft.disconnect(pair.from, pair.to);
    draft.connect(pair.from, pair.to, verb === 'write' ? 'read' : 'write');
    return true;
  }
  draft.disconnect(pair.from, pair.to);
  return true;
}

/** The start of the first later clause (after "," or "and") that has a link verb of its own, else the end. */
function clauseWithVerb(tokens: readonly Token[], from: number, mentions: readonly Mention[]): number {
  const inMention = (i: number) => mentions.some((m) => i >= m.start && i < m.end);
  for (let i = from; i < tokens.length; i++) {
    const w = tokens[i]!.w;
    if (w !== ',' && w !== 'and' && w !== 'but' && w !== 'then') continue;
    let end = tokens.findIndex((t, j) => j > i && (t.w === ',' || t.w === 'and'));
    if (end < 0) end = tokens.length;
    for (let j = i + 1; j < end; j++) {
      if (!inMention(j) && verbClass(tokens[j]!.w) !== undefined) return i + 1;
    }
  }
  return tokens.length;
}

function kebab(words: readonly string[]): string {
  return words
    .join('-')
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-+|-+$/g, '')
    .replace(/^[^a-z]+/, '')
    .slice(0, 63)
    .replace(/-+$/, '');
}

/**
 * "rename the queue to jobs", "call the worker billing-worker": renames and returns the token index after
 * the new name, so the rest of the sentence ("... and give it 2 tasks") is still planned.
 */
function rename(
  tokens: readonly Token[],
  at: number,
  mode: 'rename' | 'call',
  covered: ReadonlySet<number>,
  state: TurnState,
): number {
  const ids = state.draft.components.map((c) => c.id);
  let targetMention: Mention | undefined;
  let nameStart: number;
  if (mode === 'rename') {
    const toAt = tokens.findIndex((t, i) => i > at && (t.w === 'to' || t.w === 'as' || t.w === 'into'));
    targetMention = findMentions(
      tokens.slice(0, toAt < 0 ? tokens.length : toAt),
      covered,
      ids,
      currentFocus(state),
    ).find((m) => m.start > at);
    if (toAt < 0) {
      state.questions.push('What should the new name be?');
      return tokens.length;
    }
    nameStart = toAt + 1;
  } else {
    targetMention = findMentions(tokens, covered, ids, currentFocus(state)).find((m) => m.start > at);
    if (!targetMention) return -1;
    nameStart = targetMention.end;
  }
  const target = targetMention ? resolveExisting(targetMention, state) : currentFocus(state);
  const words: string[] = [];
  let end = nameStart;
  for (; end < tokens.length && words.length < 4; end++) {
    const t = tokens[end]!;
    if (NAME_STOPS.has(t.w)) break;
    if (['the', 'a', 'an', 'something', 'like', 'please'].includes(t.w)) continue;
    words.push(t.typed ?? t.w);
  }
  const newId = kebab(words);
  if (!target) {
    state.questions.push('Which component should I rename?');
    return end;
  }
  if (newId.length === 0) {
    state.questions.push(`What should ${target} be called?`);
    return end;
  }
  if (newId === target) return end;
  if (state.draft.get(newId)) {
    state.questions.push(
      `There is already a component called ${newId}. Which name should ${target} get instead?`,
    );
    return end;
  }
  state.draft.rename(target, newId);
  return end;
}

function remove(mentions: readonly Mention[], state: TurnState): void {
  if (mentions.length === 0) {
    state.questions.push('Which component should I remove?');
    return;
  }
  for (const mention of mentions) {
    const ids = mention.count > 1 || mention.text.endsWith('s') ? resolveAll(mention, state) : [];
    const id = ids.length > 1 ? undefined : resolveExisting(mention, state);
    const targets = ids.length > 1 ? ids : id ? [id] : [];
    if (targets.length === 0) {
      state.notes.push(`There is no ${mention.text} to remove.`);
      continue;
    }
    for (const target of targets) state.draft.remove(target);
  }
}

/** Every existing component a (plural) mention covers: "remove the queues". */
function resolveAll(mention: Mention, state: TurnState): string[] {
  if (mention.id) return state.draft.get(mention.id) ? [mention.id] : [];
  return candidatesFor(mention, state).map((c) => c.id);
}

function candidatesFor(mention: Mention, state: TurnState) {
  const kinds = mention.alternatives ?? (mention.kind ? [mention.kind] : []);
  let candidates = state.draft.components.filter((c) => kinds.includes(c.kind));
  // "the domain" with an OpenSearch domain and no DNS zone means the search domain
  if (candidates.length === 0 && mention.kind === 'dns' && /^domains?$/.test(mention.text)) {
    candidates = state.draft.components.filter((c) => c.kind === 'search');
  }
  if (mention.qualifier) {
    const q = mention.qualifier;
    const narrowed = candidates.filter((c) =>
      c.id.split('-').some((part) => part === q || part === q.replace(/s$/, '')),
    );
    if (narrowed.length > 0) candidates = narrowed;
  }
  return candidates;
}

/** The existing component a mention refers to, or undefined. Asks when several fit equally. */
function resolveExisting(mention: Mention, state: TurnState): string | undefined {
  if (mention.id) return state.draft.get(mention.id) ? mention.id : undefined;
  const candidates = candidatesFor(mention, state);
  if (candidates.length === 0) return undefined;
  if (candidates.length === 1) return candidates[0]!.id;
  const touched = [...state.draft.touched].reverse().find((id) => candidates.some((c) => c.id === id));
  if (touched) return touched;
  const inFocus = candidates.filter((c) => state.focusAll.includes(c.id));
  if (inFocus.length === 1) return inFocus[0]!.id;
  const exact = candidates.find((c) => c.id === DEFAULT_ID[c.kind]);
  const chosen = exact ?? candidates[0]!;
  state.questions.push(
    `Which ${mention.text} did you mean: ${candidates.map((c) => c.id).join(' or ')}? I assumed ${chosen.id}.`,
  );
  return chosen.id;
}

interface Resolved {
  mention: Mention;
  ids: string[];
  kind: ComponentKind;
  isNew: boolean;
}

/** "without a database", "no cache": the mention is excluded, not asked for. */
function negatedMention(tokens: readonly Token[], mention: Mention): boolean {
  for (let j = mention.start - 1, steps = 0; j >= 0 && steps < 3; j--, steps++) {
    const w = tokens[j]!.w;
    if (w === 'without' || w === 'no' || w === 'nor') return true;
    if (!['a', 'an', 'the', 'any', 'separate', 'extra', 'dedicated'].includes(w)) return false;
  }
  return false;
}

function createCue(tokens: readonly Token[], mention: Mention): boolean {
  for (let j = mention.start - 1; j >= Math.max(0, mention.start - 3); j--) {
    if (CREATE_CUES.has(tokens[j]!.w)) return true;
  }
  return false;
}

function resolveMentions(
  tokens: readonly Token[],
  mentions: readonly Mention[],
  names: ReadonlyMap<number, string>,
  hits: readonly ParamHit[],
  state: TurnState,
): Resolved[] {
  const { draft } = state;
  const out: Resolved[] = [];
  for (const mention of mentions) {
    if (mention.pronoun) {
      const antecedent = resolvePronoun(tokens, mention, out, hits, state);
      if (antecedent) out.push({ mention, ids: antecedent.ids, kind: antecedent.kind, isNew: false });
      continue;
    }
    if (mention.id) {
      const component = draft.get(mention.id);
      if (component) out.push({ mention, ids: [component.id], kind: component.kind, isNew: false });
      continue;
    }
    if (!mention.kind) continue;
    if (negatedMention(tokens, mention)) {
      state.notes.push(`I left out the ${mention.text}, as you said.`);
      continue;
    }
    const candidates = candidatesFor(mention, state);
    const wantsNew =
      mention.article === 'indefinite' ||
      mention.count > 1 ||
      candidates.length === 0 ||
      (mention.article === 'none' &&
        createCue(tokens, mention) &&
        !candidates.some((c) => draft.added.has(c.id)));
    if (!wantsNew) {
      const id = resolveExisting(mention, state);
      const component = id ? draft.get(id) : undefined;
      if (component) {
        if (Object.keys(mention.params).length > 0)
          updateParams(component.id, component.kind, mention.params, state);
        out.push({ mention, ids: [component.id], kind: component.kind, isNew: false });
        continue;
      }
    }
    // apposition: "our web app as a Fargate service", "the marketing site on a static website" names one
    // component twice
    const previous = out.at(-1);
    if (
      previous &&
      previous.kind === mention.kind &&
      previous.ids.length === 1 &&
      tokens.slice(previous.mention.end, mention.start).some((t) => t.w === 'as' || t.w === 'on') &&
      tokens
        .slice(previous.mention.end, mention.start)
        .every((t) => ['as', 'on', 'a', 'an', 'the', 'one'].includes(t.w))
    ) {
      for (const id of previous.ids) updateParams(id, previous.kind, mention.params, state);
      out.push({ mention, ids: previous.ids, kind: previous.kind, isNew: false });
      continue;
    }
    // a bare repeat of something this turn added ("emails via SES") is the same component
    if (mention.article === 'none' && mention.count === 1) {
      const same = candidates.filter((c) => draft.added.has(c.id));
      if (same.length > 0 && !createCue(tokens, mention)) {
        const last = same.at(-1)!;
        out.push({ mention, ids: [last.id], kind: last.kind, isNew: false });
        continue;
      }
    }
    const kind = mention.kind;
    if (mention.alternatives && mention.alternatives.length > 1) {
      state.questions.push(
        `I assumed ${KIND_LABEL[kind]} for "${mention.text}". Would ${mention.alternatives
          .filter((k) => k !== kind)
          .map((k) => KIND_LABEL[k])
          .join(' or ')} suit better?`,
      );
    }
    const named = names.get(mention.end);
    const base =
      named ?? (mention.qualifier ? kebab([mention.qualifier, ID_SUFFIX[kind]]) : DEFAULT_ID[kind]);
    const ids: string[] = [];
    const params = checkedParams(kind, mention.params, state);
    for (let n = 1; n <= mention.count; n++) {
      const id = mention.count > 1 ? draft.freeId(`${base}-${n}`) : draft.freeId(base);
      draft.add(id, kind, params);
      ids.push(id);
    }
    out.push({ mention, ids, kind, isNew: true });
  }
  return out;
}

/**
 * What "it" refers to: an earlier mention of the sentence other than the clause's subject ("a Lambda that
 * reads from it" is the database before the Lambda); else what the previous message touched, preferring a
 * component that takes the params the sentence states ("bump it to 500 GB" is the database, not the Lambda).
 */
function resolvePronoun(
  tokens: readonly Token[],
  mention: Mention,
  earlier: readonly Resolved[],
  hits: readonly ParamHit[],
  state: TurnState,
): { ids: string[]; kind: ComponentKind } | undefined {
  if (mention.carried) return carriedReference(earlier, state);
  if (mention.text === 'they' || mention.text === 'them') {
    const plural = [...earlier].reverse().find((r) => r.ids.length > 1 || /s$/.test(r.mention.text));
    if (plural) return { ids: plural.ids, kind: plural.kind };
  }
  if (mention.text === 'they' && earlier.length === 0) {
    // "two Lambdas and a table" then "they both write to the table": the several of one kind named last
    const recent = recentIds(state);
    for (const kind of new Set(recent.map((id) => state.draft.get(id)?.kind))) {
      const ids = recent.filter((id) => state.draft.get(id)?.kind === kind);
      if (kind && ids.length > 1) return { ids, kind };
    }
  }
  let verbAt = -1;
  for (let j = mention.start - 1; j >= 0; j--) {
    if (verbClass(tokens[j]!.w) || LINK_WORDS.has(tokens[j]!.w)) {
      verbAt = j;
      break;
    }
  }
  // "reads from a table and (also) writes to it": a verb joined by "and" shares the first verb's subject
  let subjectVerbAt = verbAt;
  for (let j = verbAt - 1; j >= 0 && ADVERBS.has(tokens[j]!.w); j--) subjectVerbAt = j;
  if (verbAt >= 0 && tokens[subjectVerbAt - 1]?.w === 'and') {
    for (let j = subjectVerbAt - 2; j >= 0; j--) {
      if (verbClass(tokens[j]!.w) && !earlier.some((r) => j >= r.mention.start && j < r.mention.end)) {
        subjectVerbAt = j;
        break;
      }
    }
  } else subjectVerbAt = verbAt;
  const subject =
    verbAt >= 0 ? [...earlier].reverse().find((r) => r.mention.start < subjectVerbAt) : undefined;
  // "a Lambda that indexes changes into OpenSearch, and it should be kicked off by ...": "it" opening a
  // clause is the subject of the clause before, not its last object
  const opensClause =
    [',', 'and', 'but', 'so'].includes(tokens[mention.start - 1]?.w ?? '') &&
    (MODALS.has(tokens[mention.end]?.w ?? '') ||
      ['is', 'also', 'then', 'gets'].includes(tokens[mention.end]?.w ?? '') ||
      verbClass(tokens[mention.end]?.w ?? '') !== undefined);
  if (
    opensClause &&
    mention.text === 'it' &&
    subject &&
    COMPUTE.has(subject.kind) &&
    subject.ids.length === 1
  ) {
    return { ids: subject.ids, kind: subject.kind };
  }
  // "an S3 bucket it reads config from": a pronoun acting right after a mention is not that mention
  const acts = verbClass(tokens.slice(mention.end, mention.end + 3).find((t) => !ADVERBS.has(t.w))?.w ?? '');
  const adjacent = acts ? earlier.find((r) => r.mention.end === mention.start) : undefined;
  // "processes them": things from before (events on the stream), or nothing a component stands for;
  // "a Lambda aggregates them": code is "it", "them" are the records from before
  const plural = mention.text === 'them' || mention.text === 'they';
  const possible = (r: Resolved) => r !== adjacent && !(plural && COMPUTE.has(r.kind) && r.ids.length === 1);
  const inSentence = [...earlier]
    .reverse()
    .find((r) => r !== subject && possible(r) && r.mention.start < mention.start);
  if (inSentence) return { ids: inSentence.ids, kind: inSentence.kind };
  const lastEarlier = [...earlier].reverse().find(possible);
  if (verbAt < 0 && lastEarlier) return { ids: lastEarlier.ids, kind: lastEarlier.kind };
  const recentAll = recentIds(state)
    .reverse()
    .filter((id) => !subject?.ids.includes(id));
  const named = recentAll.filter((id) => !state.implicit.has(id) && !adjacent?.ids.includes(id));
  const recent = named.length > 0 ? named : recentAll;
  const fits = (id: string) => {
    const component = state.draft.get(id);
    if (!component) return false;
    return hits.some((h) => {
      const v = h.value(component.kind);
      return v !== null && state.knowledge.checkParam(component.kind, v.name, v.value) === null;
    });
  };
  if (plural && earlier.length > 0) {
    const source = recent.find((id) => {
      const kind = state.draft.get(id)?.kind;
      return kind !== undefined && EVENT_SOURCES.has(kind) && !earlier.some((r) => r.ids.includes(id));
    });
    const found = source ? state.draft.get(source) : undefined;
    return found ? { ids: [found.id], kind: found.kind } : undefined;
  }
  // "it also sends emails": what acts is code, not the cache the sentence before wrote to
  const acting = (id: string) => COMPUTE.has(state.draft.get(id)?.kind ?? 'bucket');
  const chosen =
    (hits.length > 0 ? recent.find(fits) : undefined) ??
    (acts && acts !== 'trigger' ? recent.find(acting) : undefined) ??
    recent.find((id) => state.draft.get(id));
  const component = chosen ? state.draft.get(chosen) : undefined;
  if (!component) return undefined;
  return { ids: [component.id], kind: component.kind };
}

/** "those events": the latest queue, topic, bus, stream or bucket named before, else the latest one touched. */
function carriedReference(
  earlier: readonly Resolved[],
  state: TurnState,
): { ids: string[]; kind: ComponentKind } | undefined {
  const inSentence = [...earlier].reverse().find((r) => EVENT_SOURCES.has(r.kind));
  if (inSentence) return { ids: inSentence.ids, kind: inSentence.kind };
  const recent = recentIds(state)
    .reverse()
    .map((id) => state.draft.get(id))
    .find((c) => c !== undefined && EVENT_SOURCES.has(c.kind));
  return recent ? { ids: [recent.id], kind: recent.kind } : undefined;
}

function checkedParams(
  kind: ComponentKind,
  params: Record<string, ParamValue>,
  state: TurnState,
): Record<string, ParamValue> {
  const out: Record<string, ParamValue> = {};
  for (const [name, value] of Object.entries(params)) {
    const problem = state.knowledge.checkParam(kind, name, value);
    if (problem === null) out[name] = value;
    else if (!problem.includes('has no'))
      state.notes.push(
        `I left ${name} at its default: ${JSON.stringify(value)} is not allowed (${problem}).`,
      );
  }
  return out;
}

function updateParams(
  id: string,
  kind: ComponentKind,
  params: Record<string, ParamValue>,
  state: TurnState,
): void {
  const checked = checkedParams(kind, params, state);
  if (Object.keys(checked).length > 0) state.draft.update(id, checked);
}

function assignParams(hits: readonly ParamHit[], resolved: readonly Resolved[], state: TurnState): void {
  for (const hit of hits) {
    let best: Resolved | undefined;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (const r of resolved) {
      if (hit.value(r.kind) === null) continue;
      const m = r.mention;
      const distance = hit.start >= m.end ? hit.start - m.end : m.start - hit.end + 0.5;
      if (distance < bestDistance) {
        best = r;
        bestDistance = distance;
      }
    }
    if (best) {
      const value = hit.value(best.kind)!;
      for (const id of best.ids) updateParams(id, best.kind, { [value.name]: value.value }, state);
      continue;
    }
    // no mention in the sentence takes it: "it", then the only component that takes it
    const focus = currentFocus(state);
    const focused = focus ? state.draft.get(focus) : undefined;
    if (focused && hit.value(focused.kind) !== null) {
      const value = hit.value(focused.kind)!;
      updateParams(focused.id, focused.kind, { [value.name]: value.value }, state);
      continue;
    }
    const takers = state.draft.components.filter((c) => hit.value(c.kind) !== null);
    if (takers.length === 1) {
      const taker = takers[0]!;
      const value = hit.value(taker.kind)!;
      updateParams(taker.id, taker.kind, { [value.name]: value.value }, state);
    } else if (takers.length > 1) {
      state.questions.push(`Which one should get ${hit.describe}: ${takers.map((c) => c.id).join(' or ')}?`);
    } else if (hit.value('cron') === null || resolved.length > 0) {
      state.notes.push(`Nothing here takes ${hit.describe}, so I left it out.`);
    }
  }
}

interface Event {
  at: number;
  type: 'mention' | 'verb' | 'link';
  resolved?: Resolved;
  verb?: VerbClass;
  passive?: boolean;
  /** A passive verb already linked its agent and object: it only ends the clause before it. */
  handled?: boolean;
  /** A mention a passive verb already linked: it still can be a subject, but takes no pending verb. */
  silent?: boolean;
}

function connectMentions(
  tokens: readonly Token[],
  covered: ReadonlySet<number>,
  resolved: readonly Resolved[],
  state: TurnState,
): void {
  const events: Event[] = [];
  const inMention = new Set<number>();
  for (const r of resolved) {
    // "a Lambda which emails the on-call engineer": the word is the verb and names its object
    if (r.kind === 'email' && /^e-?mails?$/.test(r.mention.text)) {
      const before = tokens[r.mention.start - 1]?.w ?? '';
      if (RELATIVE.has(before) || MODALS.has(before))
        events.push({ at: r.mention.start, type: 'verb', verb: 'publish' });
    }
    events.push({ at: r.mention.start, type: 'mention', resolved: r });
    for (let p = r.mention.start; p < r.mention.end; p++) inMention.add(p);
  }
  for (let i = 0; i < tokens.length; i++) {
    if (inMention.has(i) || covered.has(i)) continue;
    const t = tokens[i]!;
    // "the stream is the source for a Lambda": a noun saying where data comes from
    if (SOURCE_NOUNS.has(t.w) && ['for', 'of', 'to'].includes(tokens[i + 1]?.w ?? '')) {
      events.push({ at: i, type: 'verb', verb: 'publish' });
      continue;
    }
    const verb = verbClass(t.w) ?? (unknownVerb(tokens, i, resolved) ? 'transfer' : undefined);
    // "they all read", "the workers each write": a quantifier after the subject leaves the verb a verb
    const floating = ['all', 'each', 'both'].includes(tokens[i - 1]?.w ?? '') && inMention.has(i - 2);
    if (verb && (!NOUN_CONTEXT.has(tokens[i - 1]?.w ?? '') || floating)) {
      const passive = isPassive(tokens, i);
      const before = tokens[i - 1]?.w;
      const negatedVerb = before === 'not' || before === 'never' || before === 'longer';
      if (!negatedVerb) events.push({ at: i, type: 'verb', verb, passive });
      continue;
    }
    if (LINK_WORDS.has(t.w) || t.w === '→') events.push({ at: i, type: 'link' });
    // "API Gateway + Lambda": a link when code or a front door is on either side
    if (t.w === '+') {
      const before = resolved.find((r) => r.mention.end === i);
      const after = resolved.find((r) => r.mention.start === i + 1);
      const acts = (r: Resolved | undefined) => r !== undefined && UPSTREAM_RANK[r.kind] <= 6;
      if (before && after && (acts(before) || acts(after))) events.push({ at: i, type: 'link' });
    }
    // "a backend API on Lambda": runs on the compute that follows
    if (t.w === 'on') {
      let j = i + 1;
      while (tokens[j] && ['a', 'an', 'the'].includes(tokens[j]!.w)) j++;
      const next = resolved.find((r) => r.mention.start === j);
      if (next && COMPUTE.has(next.kind)) events.push({ at: i, type: 'link' });
    }
    if (t.w === 'in' && tokens[i + 1]?.w === 'front' && tokens[i + 2]?.w === 'of') {
      events.push({ at: i, type: 'verb', verb: 'origin' });
    }
  }
  events.sort((a, b) => a.at - b.at || (a.type === 'mention' ? 1 : -1));
  linkPassives(tokens, events, state);

  interface Pending {
    verb: VerbClass;
    passive: boolean;
    link: boolean;
    subject: Resolved | undefined;
    bound: boolean;
    at: number;
    /** "a table (that) the function reads from": the object came first. */
    fronted?: Resolved;
    /** "a Lambda and a worker, both reading from": more subjects of the same verb. */
    also?: Resolved[];
  }
  let subject: Resolved | undefined;
  let pending: Pending | undefined;
  let lastMention: Resolved | undefined;
  let previousMention: Resolved | undefined;
  let imperative = false;
  let lastMentionAt = -1;
  const closeDangling = () => {
    const p = pending;
    if (p && !p.bound && !p.link && p.subject && p.fronted && p.fronted !== p.subject) {
      link(p.subject, p.fronted, p.verb, p.passive, false, state);
      p.bound = true;
    }
  };
  for (let e = 0; e < events.length; e++) {
    const event = events[e]!;
    if (event.type === 'verb') {
      if (event.handled) {
        closeDangling();
        pending = undefined;
        continue;
      }
      // "needs read-only access to": a generic verb does not override the specific one just before it
      if (
        event.verb === 'readwrite' &&
        pending &&
        !pending.bound &&
        !pending.link &&
        pending.verb !== 'readwrite' &&
        lastMentionAt < pending.at
      ) {
        continue;
      }
      closeDangling();
      if (!subject && state.lastSubject) subject = carriedSubject(state);
      // "when a file lands in the bucket, a Lambda resizes it and saves ...": the code acts, not the data
      if (
        subject &&
        lastMention &&
        lastMention !== subject &&
        COMPUTE.has(lastMention.kind) &&
        UPSTREAM_RANK[subject.kind] >= 8
      ) {
        subject = lastMention;
      }
      const fronted =
        subject &&
        subject === lastMention &&
        previousMention &&
        previousMention !== subject &&
        (relativeGap(tokens.slice(previousMention.mention.end, mentionStart(subject))) ||
          !tokens
            .slice(previousMention.mention.end, subject.mention.start)
            .some((t) => CLAUSE_BREAKS.has(t.w) || verbClass(t.w) !== undefined))
          ? previousMention
          : undefined;
      const lead = [...tokens.slice(Math.max(0, event.at - 3), event.at)]
        .reverse()
        .find((t) => !ADVERBS.has(t.w))?.w;
      const also =
        lead === 'both' || lead === 'all'
          ? events
              .filter((m) => m.type === 'mention' && m.at < event.at && m.resolved !== subject)
              .map((m) => m.resolved!)
              .filter((r) => COMPUTE.has(r.kind))
          : [];
      pending = {
        verb: event.verb!,
        passive: event.passive === true,
        link: false,
        subject,
        bound: false,
        at: event.at,
        ...(fronted ? { fronted } : {}),
        ...(also.length > 0 ? { also } : {}),
      };
      // "connect the service to the search domain": an imperative's first object is its subject
      imperative = subject === undefined && lastMention === undefined;
      continue;
    }
    if (event.type === 'link') {
      if (pending && !pending.link && !pending.bound && pending.subject) continue;
      closeDangling();
      if (lastMention) {
        pending = {
          verb: 'link',
          passive: false,
          link: true,
          subject: lastMention,
          bound: false,
          at: event.at,
        };
      }
      continue;
    }
    const current = event.resolved!;
    lastMentionAt = event.at;
    if (imperative && pending && !pending.subject) {
      pending.subject = current;
      subject = current;
      imperative = false;
      previousMention = lastMention;
      lastMention = current;
      continue;
    }
    const following = events[e + 1];
    const nextIsVerb =
      following?.type === 'verb' &&
      !tokens
        .slice(current.mention.end, following.at)
        .some((t) => t.w === 'and' || t.w === ',' || t.w === 'then');
    const newClause =
      nextIsVerb &&
      pending !== undefined &&
      (RELATIVE_BEFORE(tokens, current) ||
        tokens.slice(pending.at + 1, current.mention.start).some((t) => CLAUSE_BREAKS.has(t.w)));
    if (pending?.subject && pending.subject !== current && !newClause && !event.silent) {
      let verb = pending.verb;
      // "subscribes to the topic and normalises the data into DynamoDB": an unknown verb after "and" keeps
      // the subject, and "into" says the object is written
      const gap = tokens.slice(pending.at + 1, current.mention.start);
      const preposition = prepositionBefore(tokens, current.mention.start);
      if (gap.some((t) => t.w === 'and') && ['read', 'consume', 'readwrite', 'link'].includes(verb)) {
        if (preposition === 'into' || preposition === 'onto') verb = 'write';
      }
      const purpose =
        tokens[current.mention.end]?.w === 'for'
          ? verbClass(tokens[current.mention.end + 1]?.w ?? '')
          : undefined;
      if (verb === 'transfer' && purpose && purpose !== 'transfer') {
        // "favours Redis for caching": an unknown verb says less than the purpose after the object
        verb = purpose;
      }
      if (verb === 'transfer') {
        // "loads it into S3" writes, "pulls from the database" reads; otherwise the first object is read
        const preposition = [...tokens.slice(pending.at + 1, current.mention.start)]
          .reverse()
          .find((t) => ['into', 'to', 'onto', 'from', 'in'].includes(t.w))?.w;
        verb = preposition === 'from' ? 'read' : preposition ? 'write' : pending.bound ? 'write' : 'read';
      }
      link(pending.subject, current, verb, pending.passive, pending.link, state);
      for (const other of pending.also ?? []) {
        if (other !== current) link(other, current, verb, pending.passive, pending.link, state);
      }
      pending.bound = true;
    }
    if (nextIsVerb || !subject) subject = current;
    if (nextIsVerb) {
      closeDangling();
      pending = undefined;
    }
    previousMention = lastMention;
    lastMention = current;
  }
  closeDangling();
  if (subject) state.lastSubject = subject.ids;
}

/**
 * One per item: "three queues, each with its own worker", "one worker per queue", "two buckets, each with a
 * Lambda" give every item of the group its own copy of the single component, linked to that item only;
 * "a worker reading from each queue" links the one component to every item.
 */
function perItem(tokens: readonly Token[], resolved: readonly Resolved[], state: TurnState): void {
  const { draft } = state;
  const words = tokens.map((t) => t.w);
  const groupOf = (r: Resolved): string[] => {
    if (r.ids.length > 1) return r.ids;
    const same = draft.components.filter((c) => c.kind === r.kind).map((c) => c.id);
    return same.length > 1 ? same : [];
  };
  const at = (i: number) =>
    resolved.find((r) => r.mention.start === i || (r.mention.start <= i && i < r.mention.end));
  let group: string[] = [];
  let single: Resolved | undefined;
  const ownAt = words.findIndex((w, i) => w === 'own' && ['its', 'their'].includes(words[i - 1] ?? ''));
  const eachWithAt = words.findIndex(
    (w, i) => w === 'each' && words[i + 1] === 'with' && ['a', 'an', 'one'].includes(words[i + 2] ?? ''),
  );
  const perAt = words.findIndex(
    (w, i) => (w === 'per' || (w === 'each' && words[i - 1] === 'for')) && at(i + 1) !== undefined,
  );
  if (ownAt >= 0 || eachWithAt >= 0) {
    const cue = ownAt >= 0 ? ownAt : eachWithAt;
    const eachAt = words.lastIndexOf('each', cue);
    const before = [...resolved]
      .reverse()
      .find((r) => r.mention.end <= (eachAt >= 0 ? eachAt + 1 : cue) && r.ids.length > 1);
    single = resolved.find((r) => r.mention.start > cue && r.isNew && r.ids.length === 1);
    if (before && single && single.kind !== before.kind) group = before.ids;
  } else if (perAt >= 0) {
    const target = at(perAt + 1)!;
    group = groupOf(target);
    single = [...resolved]
      .reverse()
      .find((r) => r.mention.end <= perAt && r.isNew && r.ids.length === 1 && r.kind !== target.kind);
  } else {
    // "a worker reading from each queue": the links this sentence made to one queue go to every queue
    const eachAt = words.findIndex((w, i) => (w === 'each' || w === 'every') && at(i + 1) !== undefined);
    if (eachAt < 0) return;
    const target = at(eachAt + 1)!;
    const all = groupOf(target);
    if (all.length < 2 || target.ids.length !== 1) return;
    const id = target.ids[0]!;
    for (const c of draft.connections.filter((x) => x.from === id || x.to === id)) {
      if (!draft.operations.some((o) => o.op === 'connect' && o.from === c.from && o.to === c.to)) continue;
      for (const other of all) if (other !== id) connectInstead(c, id, other, draft);
    }
    return;
  }
  if (!single || group.length < 2 || group.includes(single.ids[0]!)) return;
  const original = single.ids[0]!;
  const component = draft.get(original);
  if (!component) return;
  const copies = [original];
  for (let n = 1; n < group.length; n++) {
    const id = draft.freeId(original);
    draft.add(id, component.kind, component.params);
    copies.push(id);
  }
  const linked = draft.connections.filter((c) => c.from === original || c.to === original);
  let toGroup = 0;
  for (const c of linked) {
    const other = c.from === original ? c.to : c.from;
    const index = group.indexOf(other);
    if (index >= 0) toGroup++;
    if (index === 0) continue;
    if (index > 0) {
      draft.disconnect(c.from, c.to);
      connectInstead(c, original, copies[index]!, draft);
      continue;
    }
    for (const copy of copies.slice(1)) connectInstead(c, original, copy, draft);
  }
  if (toGroup > 0) return;
  const groupKind = draft.get(group[0]!)?.kind;
  if (!groupKind) return;
  copies.forEach((copy, n) => {
    const a: Resolved = { ...single!, ids: [copy] };
    const b: Resolved = { ...single!, ids: [group[n]!], kind: groupKind };
    link(a, b, 'link', false, true, state);
  });
}

/** The same link as `c`, with `instead` at the end where `id` was. */
function connectInstead(c: Connection, id: string, instead: string, draft: Draft): void {
  if (c.from === id) draft.connect(instead, c.to, c.access);
  else draft.connect(c.from, instead, c.access);
}

/** Whether a mention opens a relative clause whose object came before it ("a table the function reads"). */
function RELATIVE_BEFORE(tokens: readonly Token[], mention: Resolved): boolean {
  for (let j = mention.mention.start - 1; j >= 0 && j >= mention.mention.start - 3; j--) {
    const w = tokens[j]!.w;
    if (RELATIVE.has(w)) return true;
    // "which two SQS queues subscribe to"
    if (w !== 'the' && w !== 'a' && w !== 'an' && numberOf(w) === null) return false;
  }
  return false;
}

/** Where a mention starts counting its qualifier ("the upload Lambda": at "upload"). */
function mentionStart(r: Resolved): number {
  return r.mention.qualifier ? r.mention.start - 1 : r.mention.start;
}

/** ", which a": only a relative pronoun (and a comma or article) between an object and its clause's subject. */
function relativeGap(gap: readonly Token[]): boolean {
  return (
    gap.some((t) => RELATIVE.has(t.w)) &&
    gap.every((t) => RELATIVE.has(t.w) || [',', 'a', 'an', 'the'].includes(t.w))
  );
}

const SOURCE_NOUNS = new Set(['source', 'feed', 'input']);
/** Words between a subject and its verb that do not change who acts: "both also write". */
const ADVERBS = new Set([
  'also',
  'then',
  'only',
  'just',
  'should',
  'will',
  'can',
  'must',
  'would',
  'could',
  'then',
]);
const OBJECT_STARTS = new Set([
  'it',
  'them',
  'its',
  'their',
  'the',
  'a',
  'an',
  'all',
  'every',
  'each',
  'those',
  'these',
]);

/**
 * "a Lambda aggregates them into DynamoDB": a word ending in -s right after a compute and before an object is
 * a verb the vocabulary does not know; it moves data (reads the first object, writes the one after "into").
 */
function unknownVerb(tokens: readonly Token[], i: number, resolved: readonly Resolved[]): boolean {
  const w = tokens[i]!.w;
  if (w.length < 5 || !/[^s]s$/.test(w) || !/^[a-z]+$/.test(w)) return false;
  if (!resolved.some((r) => r.mention.end === i && COMPUTE.has(r.kind) && !r.mention.pronoun)) return false;
  const next = tokens[i + 1]?.w ?? '';
  return OBJECT_STARTS.has(next) || resolved.some((r) => r.mention.start === i + 1);
}

/** The preposition just before a mention, skipping articles and adjectives ("into the OpenSearch domain"). */
function prepositionBefore(tokens: readonly Token[], start: number): string | undefined {
  for (let j = start - 1; j >= 0 && j >= start - 4; j--) {
    const w = tokens[j]!.w;
    if (OBJECT_PREPOSITIONS.has(w)) return w;
    if (verbClass(w) || CLAUSE_BREAKS.has(w)) return undefined;
  }
  return undefined;
}

/** The token index of the "by" that names a passive verb's agent, within its clause, or -1. */
function agentBy(tokens: readonly Token[], verbAt: number): number {
  for (let j = verbAt + 1; j < tokens.length && j <= verbAt + 8; j++) {
    const w = tokens[j]!.w;
    if (w === 'by') return j;
    if (w === ',' || w === 'and' || w === 'then' || w === 'so' || w === 'which' || w === 'that') return -1;
  }
  return -1;
}

/** "consumed by the worker", "are stored in a bucket by the worker", "a db, read by a Lambda". */
function isPassive(tokens: readonly Token[], i: number): boolean {
  const w = tokens[i]!.w;
  if (!/(ed|en)$/.test(w) && !IRREGULAR_PARTICIPLES.has(w)) return false;
  if (tokens[i + 1]?.w === 'by') return true;
  const before = tokens[i - 1]?.w ?? '';
  const aux = PASSIVE_AUXILIARIES.has(before) || PASSIVE_AUXILIARIES.has(tokens[i - 2]?.w ?? '');
  return aux && agentBy(tokens, i) >= 0;
}

/**
 * Links each passive verb's agent (after "by") to its object: a mention between the verb and "by", else one
 * after the agent behind a preposition ("by the worker from a queue"), else the object of the passive it is
 * coordinated with ("written to a stream by X and processed by Y"), else the mention before the verb.
 */
function linkPassives(tokens: readonly Token[], events: Event[], state: TurnState): void {
  let lastObject: Resolved | undefined;
  const mentions = events.filter((e) => e.type === 'mention');
  for (const v of events) {
    if (v.type !== 'verb' || !v.passive) continue;
    const byAt = tokens[v.at + 1]?.w === 'by' ? v.at + 1 : agentBy(tokens, v.at);
    if (byAt < 0) continue;
    const agentEvent = mentions.find((m) => m.at > byAt && m.at <= byAt + 4);
    const agent = agentEvent?.resolved;
    if (!agentEvent || !agent) continue;
    let objectEvent = mentions.find((m) => m.at > v.at && m.at < byAt);
    if (!objectEvent) {
      objectEvent = mentions.find(
        (m) =>
          m.at >= agent.mention.end &&
          m.at <= agent.mention.end + 3 &&
          OBJECT_PREPOSITIONS.has(tokens[m.at - 1]?.w ?? '') &&
          !tokens.slice(agent.mention.end, m.at).some((t) => CLAUSE_BREAKS.has(t.w)),
      );
    }
    let object = objectEvent?.resolved;
    const joined = tokens.slice(Math.max(0, v.at - 3), v.at).some((t) => t.w === 'and' || t.w === ',');
    if (!object && joined && lastObject) object = lastObject;
    if (!object) object = [...mentions].reverse().find((m) => m.at < v.at && m.resolved !== agent)?.resolved;
    if (!object || object === agent) continue;
    link(agent, object, v.verb!, false, false, state);
    v.handled = true;
    agentEvent.silent = true;
    if (objectEvent) objectEvent.silent = true;
    lastObject = object;
  }
}

function carriedSubject(state: TurnState): Resolved | undefined {
  const ids = (state.lastSubject ?? []).filter((id) => state.draft.get(id));
  const first = ids[0] ? state.draft.get(ids[0]) : undefined;
  if (!first) return undefined;
  return {
    mention: {
      start: -1,
      end: -1,
      kind: first.kind,
      params: {},
      pronoun: true,
      count: ids.length,
      article: 'definite',
      text: first.id,
    },
    ids,
    kind: first.kind,
    isNew: false,
  };
}

/** Words of an arrival that make "as" open an event clause: "as images are uploaded to the bucket". */
const ARRIVALS =
  /^(lands?|landing|arrives?|arriving|uploaded|uploads?|added|created|put|dropped|written|changed|appears?|comes?|published|received)$/;
const SUBORDINATORS = new Set(['when', 'whenever', 'once', 'after', 'as']);

/**
 * "When a file lands in the bucket, a Lambda resizes it", "a Lambda that fires whenever a file lands in the
 * bucket": the event source of the clause triggers the compute the clause hangs on (the one before it, else
 * the first one after). A clause inside a sentence is taken out of the verb links (the Lambda does not write
 * the bucket the files land in).
 */
function eventClauses(
  tokens: readonly Token[],
  resolved: readonly Resolved[],
  state: TurnState,
): { covered: Set<number>; excluded: Set<Resolved> } {
  const out = { covered: new Set<number>(), excluded: new Set<Resolved>() };
  for (let k = 0; k < tokens.length; k++) {
    const w = tokens[k]!.w;
    const timeWord = (w === 'each' || w === 'every') && tokens[k + 1]?.w === 'time';
    if (!SUBORDINATORS.has(w) && !timeWord) continue;
    const source = resolved.find(
      (r) => r.mention.start > k && r.mention.start <= k + 10 && EVENT_SOURCES.has(r.kind),
    );
    if (!source) continue;
    const between = tokens.slice(k + 1, source.mention.start);
    if (between.some((t) => t.w === ',' || t.w === 'then')) continue;
    if (w === 'as' && !between.some((t) => ARRIVALS.test(t.w))) continue;
    if (
      resolved.some(
        (r) =>
          COMPUTE.has(r.kind) &&
          !r.mention.pronoun &&
          r.mention.start > k &&
          r.mention.start < source.mention.start,
      )
    )
      continue;
    const before = [...resolved].reverse().find((r) => COMPUTE.has(r.kind) && r.mention.end <= k);
    const target =
      before ?? resolved.find((r) => COMPUTE.has(r.kind) && r.mention.start > source.mention.start);
    if (!target || !state.knowledge.accessModes(source.kind, target.kind).includes('trigger')) continue;
    for (const s of source.ids) {
      for (const t of target.ids) connectIds(s, source.kind, t, target.kind, ['trigger'], state);
    }
    if (before) {
      for (let p = k; p < source.mention.end; p++) out.covered.add(p);
      for (const r of resolved)
        if (r.mention.start >= k && r.mention.end <= source.mention.end) out.excluded.add(r);
    }
  }
  return out;
}

/** "a static site on S3 + CloudFront": the bucket and distribution named with a static site are the site's own. */
function absorbSiteParts(tokens: readonly Token[], resolved: readonly Resolved[], state: TurnState): void {
  const site = resolved.find((r) => r.kind === 'static_site');
  if (!site) return;
  for (const r of resolved) {
    if (!r.isNew || (r.kind !== 'bucket' && r.kind !== 'cdn') || r.mention.article !== 'none') continue;
    if (r.mention.start < site.mention.end) continue;
    const gap = tokens.slice(site.mention.end, r.mention.start).map((t) => t.w);
    if (gap.length > 6 || !gap.some((g) => ['on', 'using', 'via', 'with', '+', 'and', 'in'].includes(g)))
      continue;
    for (const id of r.ids) state.draft.remove(id);
    r.ids = [...site.ids];
    r.kind = 'static_site';
    r.isNew = false;
  }
}

function choose(
  from: ComponentKind,
  to: ComponentKind,
  prefs: readonly AccessMode[],
  state: TurnState,
): AccessMode | undefined {
  const valid = state.knowledge.accessModes(from, to);
  return prefs.find((p) => valid.includes(p));
}

function link(
  a: Resolved,
  b: Resolved,
  verb: VerbClass,
  passive: boolean,
  isLink: boolean,
  state: TurnState,
): void {
  if (mergeCdnIntoSite(a, b, state) || mergeCdnIntoSite(b, a, state)) return;
  let from = a;
  let to = b;
  if (passive) [from, to] = [b, a];
  if (isLink && UPSTREAM_RANK[to.kind] < UPSTREAM_RANK[from.kind]) [from, to] = [to, from];
  const prefs = isLink ? (LINK_PREFERENCES[from.kind] ?? VERB_PREFERENCES.link) : VERB_PREFERENCES[verb];
  if (!isLink && handOff(from, to, verb, state)) return;
  // "each with its own Lambda processing it": a verb between the same two says more than "with" did
  const unlinkBare = (x: string, y: string) => {
    if (state.bareLinks.delete(`${x}>${y}`)) state.draft.disconnect(x, y);
  };
  for (const f of from.ids) {
    for (const t of to.ids) {
      if (isLink) state.bareLinks.add(`${f}>${t}`);
      else {
        unlinkBare(f, t);
        unlinkBare(t, f);
      }
    }
  }
  if (
    (verb === 'consume' || verb === 'read') &&
    PULL_SOURCES.has(to.kind) &&
    from.kind === 'function' &&
    state.knowledge.accessModes(to.kind, from.kind).includes('trigger')
  ) {
    // a Lambda consuming a queue, stream or topic is triggered by it (event source mapping, subscription)
    for (const f of from.ids) for (const t of to.ids) if (f !== t) state.draft.connect(t, f, 'trigger');
    return;
  }
  for (const f of from.ids) {
    for (const t of to.ids) {
      if (f === t) continue;
      connectIds(f, from.kind, t, to.kind, prefs, state);
    }
  }
}

const CHANNELS: ReadonlySet<ComponentKind> = new Set(['queue', 'topic', 'stream', 'event_bus']);
const VIA_WORDS = new Set(['via', 'through', 'over', 'using']);

/**
 * Work sent from one compute to another through a channel: "notifies the ledger Lambda via an SNS topic", or
 * "hands work off to a worker" with a queue in the sentence (a worker cannot be invoked). The sender publishes
 * to the channel; the receiver is triggered by it or consumes it.
 */
function handOff(from: Resolved, to: Resolved, verb: VerbClass, state: TurnState): boolean {
  if (!COMPUTE.has(from.kind) || !COMPUTE.has(to.kind)) return false;
  const via =
    state.sentence.find(
      (r) => CHANNELS.has(r.kind) && VIA_WORDS.has(state.tokens[r.mention.start - 1]?.w ?? ''),
    ) ??
    state.sentence.find(
      (r) =>
        CHANNELS.has(r.kind) &&
        ['a', 'an', 'the'].includes(state.tokens[r.mention.start - 1]?.w ?? '') &&
        VIA_WORDS.has(state.tokens[r.mention.start - 2]?.w ?? ''),
    );
  const uninvocable =
    ['worker', 'container_service', 'vm'].includes(to.kind) && (verb === 'publish' || verb === 'write');
  if (!via && !['publish', 'write', 'invoke', 'trigger'].includes(verb)) return false;
  const channel =
    via ?? (uninvocable ? state.sentence.find((r) => r.kind === 'queue' || r.kind === 'stream') : undefined);
  if (!channel) return false;
  relay(from, channel, to, state);
  return true;
}

/**
 * Work through a channel: the sender (when one is named) publishes to it, and it feeds the receiver, which it
 * triggers where it can and which otherwise consumes it.
 */
function relay(sender: Resolved | undefined, channel: Resolved, receiver: Resolved, state: TurnState): void {
  const triggers = state.knowledge.accessModes(channel.kind, receiver.kind).includes('trigger');
  for (const c of channel.ids) {
    if (sender) for (const f of sender.ids) connectIds(f, sender.kind, c, channel.kind, ['publish'], state);
    for (const t of receiver.ids) {
      if (triggers) state.draft.connect(c, t, 'trigger');
      else connectIds(t, receiver.kind, c, channel.kind, ['consume'], state);
    }
  }
}

/**
 * "sends emails through SES from the example.com domain": the domain is the sender's, not a DNS zone to
 * add; the new zone is dropped so the name goes to the email component.
 */
function emailDomain(resolved: Resolved[], hits: readonly ParamHit[], state: TurnState): Resolved[] {
  if (!resolved.some((r) => r.kind === 'email')) return resolved;
  const zone = resolved.find(
    (r) =>
      r.kind === 'dns' &&
      r.isNew &&
      /^domains?$/.test(r.mention.text) &&
      hits.some((h) => h.end === r.mention.start && h.value('email') !== null),
  );
  if (!zone) return resolved;
  for (const id of zone.ids) state.draft.remove(id);
  return resolved.filter((r) => r !== zone);
}

/** "ALB in front" with nothing after: in front of the code built so far (the latest service that takes it). */
function frontOfWhatExists(tokens: readonly Token[], resolved: readonly Resolved[], state: TurnState): void {
  const at = tokens.findIndex(
    (t, i) => t.w === 'in' && tokens[i + 1]?.w === 'front' && tokens[i + 2]?.w !== 'of',
  );
  if (at < 0) return;
  const door = [...resolved]
    .reverse()
    .find((r) => r.mention.end <= at && (FRONT_DOORS.has(r.kind) || r.kind === 'cdn'));
  if (!door || resolved.some((r) => r.mention.start > at)) return;
  for (const id of door.ids) {
    if (state.draft.connections.some((c) => c.from === id)) continue;
    const target = [...state.draft.components]
      .reverse()
      .find(
        (c) =>
          c.id !== id &&
          COMPUTE.has(c.kind) &&
          state.knowledge.accessModes(door.kind, c.kind).some((m) => m === 'route' || m === 'origin'),
      );
    if (target) connectIds(id, door.kind, target.id, target.kind, ['route', 'origin'], state);
  }
}

/**
 * "a queue between the API Lambda and the mailer worker": the first sends into the channel, the second is
 * fed by it. Returns the three mentions it linked (none when the sentence has no such phrase).
 */
function channelBetween(
  tokens: readonly Token[],
  resolved: readonly Resolved[],
  state: TurnState,
): Set<Resolved> {
  const at = tokens.findIndex((t) => t.w === 'between');
  if (at < 0) return new Set();
  const channel = [...resolved].reverse().find((r) => r.mention.end <= at && CHANNELS.has(r.kind));
  const after = resolved.filter((r) => r.mention.start > at && COMPUTE.has(r.kind));
  const sender = after[0];
  const andAt = sender ? tokens.findIndex((t, i) => i > sender.mention.start && t.w === 'and') : -1;
  const receiver = after.find((r) => r.mention.start > andAt && r.ids.join() !== sender?.ids.join());
  if (!channel || !sender || !receiver || andAt < 0) return new Set();
  relay(sender, channel, receiver, state);
  return new Set([channel, sender, receiver]);
}

const REACH_VERBS = new Set([
  'reach',
  'reaches',
  'get',
  'gets',
  'arrive',
  'arrives',
  'come',
  'comes',
  'travel',
  'travels',
]);

/**
 * "uploads reach the transcoding worker through an SQS queue": no sender is named, so the receiver is fed
 * by the channel and the words before it say nothing more (the sender may come in a clause after).
 */
function reachedThrough(
  tokens: readonly Token[],
  resolved: readonly Resolved[],
  state: TurnState,
): { receiver?: Resolved; covered: number[] } {
  const reachAt = tokens.findIndex((t) => REACH_VERBS.has(t.w));
  if (reachAt < 0 || resolved.some((r) => r.mention.start < reachAt)) return { covered: [] };
  const receiver = resolved.find((r) => r.mention.start > reachAt && COMPUTE.has(r.kind));
  if (!receiver) return { covered: [] };
  const channel = resolved.find(
    (r) =>
      r.mention.start > receiver.mention.end &&
      CHANNELS.has(r.kind) &&
      tokens.slice(receiver.mention.end, r.mention.start).some((t) => VIA_WORDS.has(t.w) || t.w === 'way'),
  );
  if (!channel) return { covered: [] };
  relay(undefined, channel, receiver, state);
  const covered: number[] = [];
  for (let p = 0; p < channel.mention.start; p++) covered.push(p);
  return { receiver, covered };
}

/** A static site comes with its CloudFront distribution: a new CDN put in front of one is that distribution. */
function mergeCdnIntoSite(cdn: Resolved, site: Resolved, state: TurnState): boolean {
  if (cdn.kind !== 'cdn' || site.kind !== 'static_site' || !cdn.isNew) return false;
  for (const id of cdn.ids) state.draft.remove(id);
  state.notes.push(
    'A static site already comes with a CloudFront distribution, so I did not add a separate CDN.',
  );
  cdn.ids = [...site.ids];
  cdn.kind = 'static_site';
  cdn.isNew = false;
  return true;
}

function connectIds(
  from: string,
  fromKind: ComponentKind,
  to: string,
  toKind: ComponentKind,
  prefs: readonly AccessMode[],
  state: TurnState,
): void {
  const { draft } = state;
  const forward =
    choose(fromKind, toKind, prefs, state) ?? choose(fromKind, toKind, VERB_PREFERENCES.link, state);
  if (forward) {
    draft.connect(from, to, forward);
    return;
  }
  const backward =
    choose(toKind, fromKind, prefs, state) ?? choose(toKind, fromKind, VERB_PREFERENCES.link, state);
  if (backward) {
    draft.connect(to, from, backward);
    return;
  }
  if (FRONT_DOORS.has(fromKind) && !FRONT_DOORS.has(toKind)) {
    // an API in front of a data store needs code in between: use its handler, or add one
    const handler =
      draft.connections.find((c) => c.from === from && COMPUTE.has(draft.get(c.to)?.kind ?? 'bucket'))?.to ??
      (() => {
        const id = draft.freeId(`${from}-handler`);
        draft.add(id, fromKind === 'http_api' ? 'function' : 'container_service', {});
        state.implicit.add(id);
        state.notes.push(`Added ${id} to run the code behind ${from}.`);
        return id;
      })();
    const handlerKind = draft.get(handler)!.kind;
    const entry = choose(fromKind, handlerKind, ['invoke', 'route'], state);
    if (entry) draft.connect(from, handler, entry);
    connectIds(
      handler,
      handlerKind,
      to,
      toKind,
      prefs === LINK_PREFERENCES[fromKind] ? VERB_PREFERENCES.link : prefs,
      state,
    );
    return;
  }
  state.notes.push(
    `A ${KIND_LABEL[fromKind]} cannot use a ${KIND_LABEL[toKind]} directly, so I did not connect ${from} and ${to}.`,
  );
}

/** "run the report function every night": a schedule with no cron mentioned gets one that triggers the compute. */
function scheduleLinks(hits: readonly ParamHit[], resolved: readonly Resolved[], state: TurnState): void {
  const schedule = hits.find((h) => h.value('cron') !== null);
  const crons = resolved.filter((r) => r.kind === 'cron');
  const computes = resolved.filter((r) => COMPUTE.has(r.kind));
  const { draft } = state;
  if (crons.length > 0) {
    for (const cron of crons) {
      for (const id of cron.ids) {
        if (draft.connections.some((c) => c.from === id)) continue;
        for (const compute of computes)
          for (const target of compute.ids)
            connectIds(id, 'cron', target, compute.kind, ['trigger', 'invoke'], state);
      }
      if (cron.isNew && !schedule) {
        for (const id of cron.ids)
          if (draft.get(id)?.params.schedule === undefined)
            state.questions.push(`How often should ${id} run (for example "every night at 2am")?`);
      }
    }
    return;
  }
  if (!schedule) return;
  const targets =
    computes.length > 0 ? computes.flatMap((r) => r.ids.map((id) => ({ id, kind: r.kind }))) : [];
  if (targets.length === 0) {
    const focus = currentFocus(state);
    const focused = focus ? draft.get(focus) : undefined;
    if (focused && COMPUTE.has(focused.kind)) targets.push({ id: focused.id, kind: focused.kind });
  }
  if (targets.length === 0) {
    const existing = draft.components.find((c) => c.kind === 'cron');
    if (existing) updateParams(existing.id, 'cron', { schedule: schedule.value('cron')!.value }, state);
    else state.notes.push(`I understood the schedule ${schedule.describe} but not what it should run.`);
    return;
  }
  for (const target of targets) {
    const existing = draft.connections.find((c) => c.to === target.id && draft.get(c.from)?.kind === 'cron');
    if (existing) {
      updateParams(existing.from, 'cron', { schedule: schedule.value('cron')!.value }, state);
      continue;
    }
    const id = draft.freeId(`${target.id}-schedule`);
    draft.add(id, 'cron', checkedParams('cron', { schedule: schedule.value('cron')!.value }, state));
    state.implicit.add(id);
    connectIds(id, 'cron', target.id, target.kind, ['trigger', 'invoke'], state);
  }
}

/** "api.example.com should point to our HTTP API": a domain with no DNS component mentioned gets one. */
function domainLinks(hits: readonly ParamHit[], resolved: readonly Resolved[], state: TurnState): void {
  const domain = hits.find((h) => h.value('dns') !== null);
  if (!domain || resolved.some((r) => r.kind === 'dns' || r.kind === 'email')) return;
  const front = resolved.find((r) => ['http_api', 'load_balancer', 'cdn', 'static_site'].includes(r.kind));
  const existing = state.draft.components.find((c) => c.kind === 'dns');
  const value = domain.value('dns')!;
  if (existing) {
    updateParams(existing.id, 'dns', { [value.name]: value.value }, state);
    return;
  }
  if (!front) return;
  const id = state.draft.freeId('dns');
  state.draft.add(id, 'dns', checkedParams('dns', { [value.name]: value.value }, state));
  state.implicit.add(id);
  for (const target of front.ids) connectIds(id, 'dns', target, front.kind, ['route'], state);
}

function familyOf(kind: ComponentKind): readonly ComponentKind[] {
  return FAMILIES.find((f) => f.includes(kind)) ?? [kind];
}

/**
 * "switch the database to MySQL", "replace the queue with a topic", "use MySQL instead of Postgres",
 * "make it aurora": changes a component's kind (keeping its id, params that still apply and connections that
 * still make sense) or, for the same kind, its flavour.
 */
function switchKind(
  tokens: readonly Token[],
  mentions: readonly Mention[],
  hits: readonly ParamHit[],
  state: TurnState,
): boolean {
  const verbAt = tokens.findIndex((t) => SWITCH_VERBS.has(t.w));
  if (verbAt < 0) return false;
  const after = mentions.filter((m) => m.start > verbAt);
  const insteadAt = tokens.findIndex((t, i) => t.w === 'instead' && tokens[i + 1]?.w === 'of');
  let targetMention: Mention | undefined;
  let newMention: Mention | undefined;
  if (insteadAt >= 0) {
    newMention = after.find((m) => m.start < insteadAt);
    targetMention = after.find((m) => m.start > insteadAt);
  } else {
    const joinAt = tokens.findIndex(
      (t, i) => i > verbAt && (t.w === 'to' || t.w === 'into' || t.w === 'with' || t.w === 'for'),
    );
    if (joinAt < 0) {
      // "make it aurora", "make the database aurora serverless"
      if (tokens[verbAt]!.w !== 'make' || after.length < 2) return false;
      [targetMention, newMention] = [after[0], after[1]];
    } else {
      targetMention = after.find((m) => m.start < joinAt);
      newMention = after.find((m) => m.start > joinAt);
      if (!targetMention && newMention?.kind) {
        // "switch to mysql": the one component of the same family
        const family = familyOf(newMention.kind);
        const same = state.draft.components.filter((c) => family.includes(c.kind));
        if (same.length === 1) targetMention = { ...newMention, id: same[0]!.id, kind: null };
      }
    }
  }
  if (!targetMention || !newMention?.kind || newMention.id) return false;
  if (newMention.article === 'indefinite' && tokens[verbAt]!.w !== 'replace' && insteadAt < 0) return false;
  const targetId = resolveExisting(targetMention, state);
  const target = targetId ? state.draft.get(targetId) : undefined;
  if (!target) return false;
  const hitParams: Record<string, ParamValue> = {};
  for (const hit of hits) {
    const v = hit.value(newMention.kind);
    if (v) hitParams[v.name] = v.value;
  }
  const flavourFits =
    newMention.modifierOnly === true &&
    Object.entries(newMention.params).every(
      ([name, value]) => state.knowledge.checkParam(target.kind, name, value) === null,
    );
  if (
    target.kind === newMention.kind ||
    flavourFits ||
    (newMention.alternatives?.includes(target.kind) ?? false)
  ) {
    updateParams(target.id, target.kind, { ...newMention.params, ...hitParams }, state);
    return true;
  }
  const kind = newMention.kind;
  const { draft } = state;
  const oldKind = target.kind;
  const keep: Record<string, ParamValue> = {};
  for (const [name, value] of Object.entries(target.params)) {
    if (name === 'engine_version' || name === 'flavor') continue;
    if (state.knowledge.checkParam(kind, name, value) === null) keep[name] = value;
  }
  const params = { ...keep, ...checkedParams(kind, { ...newMention.params, ...hitParams }, state) };
  const connections = draft.connections
    .filter((c) => c.from === target.id || c.to === target.id)
    .map((c) => ({ ...c }));
  draft.remove(target.id);
  let id = target.id;
  if (id === DEFAULT_ID[oldKind]) id = DEFAULT_ID[kind];
  else if (id.endsWith(`-${ID_SUFFIX[oldKind]}`))
    id = `${id.slice(0, -ID_SUFFIX[oldKind].length)}${ID_SUFFIX[kind]}`;
  id = draft.freeId(id);
  draft.add(id, kind, params);
  for (const c of connections) {
    const from = c.from === target.id ? id : c.from;
    const to = c.to === target.id ? id : c.to;
    const fromKind = draft.get(from)?.kind;
    const toKind = draft.get(to)?.kind;
    if (!fromKind || !toKind) continue;
    const valid = state.knowledge.accessModes(fromKind, toKind);
    const access = valid.includes(c.access)
      ? c.access
      : choose(fromKind, toKind, VERB_PREFERENCES.link, state);
    if (access) draft.connect(from, to, access);
    else
      state.notes.push(
        `${label(state, from)} can no longer use ${label(state, to)}, so that connection is gone.`,
      );
  }
  return true;
}
