import type { Sentence } from '../analysis/token.ts';
import { removalSpan } from '../dialogue/sentence-mood.ts';
import type { SentenceMood } from '../dialogue/sentence-mood.ts';
import type { Entity } from '../entities/entity.ts';
import type { Mention } from '../mentions/mention.ts';

export interface RemovalInput {
  readonly sentences: readonly Sentence[];
  readonly mentions: readonly (readonly Mention[])[];
  readonly moods: readonly SentenceMood[];
  readonly entitiesOf: (m: Mention) => readonly Entity[];
  /** Entities the previous turn touched, most relevant last: what "it" means in "remove it". */
  readonly focus: readonly Entity[];
}

/**
 * Existing components a removal sentence takes away: what it names after the verb ("drop the cache and
 * the queue"), or before it ("the cache isn't needed"); "it" is what the previous turn touched.
 */
export function findRemovals(input: RemovalInput): {
  removals: Entity[];
  notes: string[];
  questions: string[];
} {
  const removals: Entity[] = [];
  const notes: string[] = [];
  const questions: string[] = [];
  input.sentences.forEach((sentence, s) => {
    if (input.moods[s] !== 'removal') return;
    const mentions = (input.mentions[s] ?? []).filter(
      (m) => m.type === 'component' || m.type === 'part' || m.type === 'id' || m.type === 'pronoun',
    );
    const span = removalSpan(
      sentence.tokens,
      mentions.map((m) => m.start),
    ) ?? { at: -1, end: sentence.tokens.length };
    const at = span.at;
    let targets = mentions.filter((m) => m.start > at && m.start < span.end);
    if (targets.length === 0 || targets.every((m) => m.type === 'pronoun')) {
      const named = mentions.filter((m) => m.start < at && m.type !== 'pronoun');
      if (named.length > 0) targets = named;
    }
    if (targets.length === 0) {
      questions.push('Which component should I remove?');
      return;
    }
    for (const m of targets) {
      const found =
        m.type === 'pronoun' ? input.focus.slice(-1) : input.entitiesOf(m).filter((e) => e.existing);
      if (found.length === 0) {
        notes.push(`There is no ${m.text} to remove.`);
        continue;
      }
      for (const e of found) if (!removals.includes(e)) removals.push(e);
    }
  });
  return { removals, notes, questions };
}
