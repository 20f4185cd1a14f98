import type { Sentence } from '../analysis/token.ts';
import { headingEnd, removalSpan, type SentenceMood } from '../dialogue/sentence-mood.ts';
import type { Entity } from '../entities/entity.ts';
import type { Mention } from '../mentions/mention.ts';
import { Discourse } from './discourse.ts';
import { LinkCollector } from './link-entities.ts';
import { SentenceLinker } from './sentence-linker.ts';
import type { PendingLink, Relation } from './relation.ts';

export interface RelationInput {
  readonly sentences: readonly Sentence[];
  readonly mentions: readonly (readonly Mention[])[];
  readonly moods: readonly SentenceMood[];
  readonly of: Map<Mention, Entity[]>;
  /** Entities the previous turn touched, most relevant last. */
  readonly focus: readonly Entity[];
  /** Sentences an edit already handled. */
  readonly skip: ReadonlySet<number>;
}

export interface RelationResult {
  readonly relations: Relation[];
  readonly pending: PendingLink[];
  readonly associations: LinkCollector['associations'];
  readonly called: LinkCollector['called'];
  /** What each pronoun and carried noun was read as. */
  readonly references: Map<Mention, Entity[]>;
}

/** The relations stage: links between entities from verbs, prepositions, relative and event clauses. */
export function findRelations(input: RelationInput): RelationResult {
  const links = new LinkCollector();
  const references = new Map<Mention, Entity[]>();
  const discourse = new Discourse(input.focus);
  for (const sentence of input.sentences) {
    const mood = input.moods[sentence.index];
    if (mood === 'question' || input.skip.has(sentence.index)) continue;
    // a removal's clause removes; a clause after it may still link ("…, the Lambda will consume the queue")
    const ms = input.mentions[sentence.index]!;
    // "How it works: …": the description starts after its heading
    const from =
      mood === 'removal'
        ? (removalSpan(
            sentence.tokens,
            ms.filter((m) => m.type !== 'other' && m.type !== 'carried').map((m) => m.start),
          )?.end ?? sentence.tokens.length)
        : headingEnd(sentence.tokens);
    new SentenceLinker(sentence, input, discourse, links, references).run(from);
  }
  return {
    relations: links.relations,
    pending: links.pending,
    associations: links.associations,
    called: links.called,
    references,
  };
}
