import type { Sentence } from '../analysis/token.ts';
import type { SentenceMood } from '../dialogue/sentence-mood.ts';
import type { Entity } from '../entities/entity.ts';
import type { EntityResolver } from '../entities/resolve-entities.ts';
import type { PlannerKnowledge } from '../knowledge.ts';
import type { Mention } from '../mentions/mention.ts';
import type { Draft } from '../operations/draft.ts';
import { findLinkEdit } from './link-edit.ts';
import { findRename } from './rename.ts';
import { findSwitch } from './switch-kind.ts';

export type DraftEdit = (draft: Draft, idsOf: (e: Entity) => string[]) => void;

export interface EditInput {
  readonly sentences: readonly Sentence[];
  readonly mentions: readonly (readonly Mention[])[];
  readonly moods: readonly SentenceMood[];
  readonly resolver: EntityResolver;
  readonly knowledge: PlannerKnowledge;
}

export interface EditResult {
  /** Mentions an edit used up: they name a new kind or name, not a component to create. */
  readonly consumed: Set<Mention>;
  /** Sentences an edit took care of: no relations are read from them. */
  readonly sentences: Set<number>;
  readonly apply: DraftEdit[];
  readonly notes: string[];
  readonly questions: string[];
}

/**
 * Edits of what exists that are not plain additions: renames ("rename the queue to jobs"), kind switches
 * ("switch the database to MySQL", "use DynamoDB instead of Postgres") and link edits ("disconnect the
 * worker from the database", "make the worker's access to the table read-only"). Runs before entities
 * are resolved, so a switch's new kind creates nothing of its own.
 */
export function findEdits(input: EditInput): EditResult {
  const result: EditResult = {
    consumed: new Set(),
    sentences: new Set(),
    apply: [],
    notes: [],
    questions: [],
  };
  input.sentences.forEach((sentence, s) => {
    const mentions = input.mentions[s] ?? [];
    if (input.moods[s] === 'question') return;
    for (const find of [findRename, findSwitch, findLinkEdit]) {
      const edit = find(sentence, mentions, input.resolver, input.knowledge);
      if (!edit) continue;
      for (const m of edit.consumed) result.consumed.add(m);
      if (edit.apply) result.sentences.add(s);
      if (edit.apply) result.apply.push(edit.apply);
      result.notes.push(...(edit.notes ?? []));
      result.questions.push(...(edit.questions ?? []));
      return;
    }
  });
  return result;
}

/** What one edit finder found in a sentence. */
export interface FoundEdit {
  readonly consumed: readonly Mention[];
  readonly apply?: DraftEdit;
  readonly notes?: readonly string[];
  readonly questions?: readonly string[];
}
