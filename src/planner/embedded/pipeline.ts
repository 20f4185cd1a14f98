import type { PlannerInput, PlanResult } from '../planner.ts';
import { analyze } from './analysis/analyze.ts';
import type { Analysis } from './analysis/token.ts';
import { completeWiring } from './completion/complete-wiring.ts';
import { continuesRemoval, isContinuation } from './dialogue/continuation.ts';
import { dialogueAct, isSmallTalk, isSubmit, messageAct } from './dialogue/dialogue-act.ts';
import { type SentenceMood, sentenceMood } from './dialogue/sentence-mood.ts';
import { findEdits } from './edits/find-edits.ts';
import { findRemovals } from './edits/find-removals.ts';
import { assignParams } from './entities/assign-params.ts';
import type { Entity } from './entities/entity.ts';
import { linkPerItem } from './entities/link-per-item.ts';
import { EntityResolver } from './entities/resolve-entities.ts';
import type { PlannerKnowledge } from './knowledge.ts';
import { findMentions } from './mentions/find-mentions.ts';
import type { Mention } from './mentions/mention.ts';
import { buildOperations } from './operations/build-operations.ts';
import { findMeta } from './params/find-meta.ts';
import { findParams } from './params/find-params.ts';
import { findRelations } from './relations/find-relations.ts';
import type { Relation } from './relations/relation.ts';

/** What each stage produced for one message: the eval scores stages from it. */
export interface PipelineTrace {
  readonly analysis: Analysis;
  readonly mentions: readonly (readonly Mention[])[];
  readonly moods: readonly SentenceMood[];
  readonly entities: readonly Entity[];
  /** Relations the text states (relations stage), before completion adds any. */
  readonly stated: readonly Relation[];
  /** Relations after completion. */
  readonly relations: readonly Relation[];
}

export interface PipelineOutput {
  readonly result: PlanResult;
  readonly trace?: PipelineTrace;
}

function dedupe(items: readonly string[]): string[] {
  return [...new Set(items)];
}

function plan(intent: PlanResult['intent'], extra: Partial<PlanResult> = {}): PlanResult {
  return { operations: [], questions: [], notes: [], planner: 'embedded', intent, ...extra };
}

/**
 * The embedded planner as a pipeline of named stages, as DESIGN.md lays it out: analysis → mentions →
 * entities → relations → completion → dialogue act → operations. Each stage is a pure function of what
 * the stages before it produced.
 */
export function runPipeline(input: PlannerInput, knowledge: PlannerKnowledge): PipelineOutput {
  const text = input.message.trim();
  const early = messageAct(text);
  if (early === 'smalltalk')
    return { result: plan('smalltalk', { questions: ['What would you like to build?'] }) };
  if (early) return { result: plan(early) };
  const { architecture } = input;

  const analysis = analyze(text);
  const ids = architecture.components.map((c) => c.id);
  const hits = analysis.sentences.map((s) =>
    findParams(s.tokens, s.text.replace(/\b(called|named)\s+["'`]?[a-z0-9][\w.-]*["'`]?/gi, ' ')),
  );
  const covered = hits.map(
    (sentence) =>
      new Set(
        sentence
          .filter((h) => h.covers)
          .flatMap((h) => Array.from({ length: h.end - h.start }, (_, k) => h.start + k)),
      ),
  );
  const mentions = analysis.sentences.map((s, k) => findMentions(s, ids, covered[k]));
  const names = (ms: readonly Mention[]) =>
    ms.some((m) => m.type === 'component' || m.type === 'id' || m.type === 'part');
  if (isSmallTalk(text, mentions.some(names))) return { result: plan('smalltalk') };
  const named = (ms: readonly Mention[]) =>
    ms
      .filter((m) => m.type === 'component' || m.type === 'id' || m.type === 'part' || m.type === 'pronoun')
      .map((m) => m.start);
  const moods = analysis.sentences.map((s, k) => sentenceMood(s, named(mentions[k]!)));
  if (input.previousMessage && continuesRemoval(input.previousMessage)) {
    analysis.sentences.forEach((s, k) => {
      if (isContinuation(s) && named(mentions[k]!).length > 0) moods[k] = 'removal';
    });
  }
  const submit = analysis.sentences.some((s) => isSubmit(s.text));

  const resolver = new EntityResolver({
    sentences: analysis.sentences,
    mentions,
    moods,
    architecture,
    focus: input.focus ?? [],
  });
  const edits = findEdits({ sentences: analysis.sentences, mentions, moods, resolver, knowledge });
  for (const sentence of mentions)
    for (const m of sentence) if (!edits.consumed.has(m)) resolver.of.set(m, resolver.resolve(m));
  linkPerItem(resolver, {
    sentences: analysis.sentences,
    mentions,
    moods,
    architecture,
    focus: input.focus ?? [],
  });
  const focus = (input.focus ?? []).flatMap((id) => resolver.entities.filter((e) => e.existing === id));

  const relationResult = findRelations({
    sentences: analysis.sentences,
    mentions,
    moods,
    of: resolver.of,
    focus,
    skip: edits.sentences,
  });
  const entitiesOf = (m: Mention) => resolver.of.get(m) ?? relationResult.references.get(m) ?? [];
  const params = assignParams({
    // a removal or a question sets nothing ("remove the nightly job" is not a schedule)
    hits: hits.map((h, k) => (moods[k] === 'removal' || moods[k] === 'question' ? [] : h)),
    mentions,
    entitiesOf,
    entities: resolver.entities,
    focus,
    accepts: (kind, name, value) => knowledge.checkParam(kind, name, value) === null,
    create: (kind, params) => {
      const entity = resolver.make(kind, [], { implicit: true, params });
      resolver.entities.push(entity);
      return entity;
    },
  });
  const completion = completeWiring({
    resolver,
    relations: relationResult.relations,
    pending: relationResult.pending,
    associations: relationResult.associations,
    called: relationResult.called,
    sentences: analysis.sentences,
  });
  const removal = findRemovals({ sentences: analysis.sentences, mentions, moods, entitiesOf, focus });

  const meta: Parameters<typeof buildOperations>[0]['meta'] = {};
  for (const s of analysis.sentences) {
    const found = findMeta(s.tokens, s.text);
    if (found.team) meta.team = found.team;
    if (found.environment) meta.environment = found.environment;
    if (found.region) meta.region = found.region;
    if (found.name) meta.name = found.name;
  }
  const real = (e: Entity) => !e.tentative;
  const operations = buildOperations({
    architecture,
    entities: resolver.entities.filter((e) => real(e) && (e.existing || e.mentions.length > 0 || e.implicit)),
    relations: completion.relations.filter((r) => real(r.from) && real(r.to)),
    removals: removal.removals,
    meta,
    knowledge,
    additive: analysis.sentences.some((s) =>
      s.tokens.some(
        (t, k) =>
          ['too', 'also', 'additionally'].includes(t.w) || (t.w === 'well' && s.tokens[k - 1]?.w === 'as'),
      ),
    ),
    edits: edits.apply,
  });
  const ops = operations.draft.operations;
  const intent = dialogueAct(moods, ops.length > 0, submit);
  const notes = dedupe([
    ...resolver.notes,
    ...params.notes,
    ...removal.notes,
    ...operations.notes,
    ...edits.notes,
  ]);
  for (const label of resolver.unsupported) notes.push(`I can't build ${label} yet, so I left it out.`);
  const questions = dedupe([
    ...resolver.questions,
    ...edits.questions,
    ...params.questions,
    ...removal.questions,
    ...completion.questions,
    ...operations.questions,
  ]);
  if (ops.length === 0 && intent === 'edit' && questions.length === 0 && notes.length === 0) {
    questions.push(
      'I did not find a change in that. What should I add or change (for example "add a queue" or "make the database multi-AZ")?',
    );
  }
  return {
    result: plan(intent, { operations: ops, questions, notes }),
    trace: {
      analysis,
      mentions,
      moods,
      entities: resolver.entities,
      stated: relationResult.relations,
      relations: completion.relations,
    },
  };
}
