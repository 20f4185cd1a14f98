import type { Sentence } from '../analysis/token.ts';
import type { EntityResolver } from '../entities/resolve-entities.ts';
import { looksSecret } from '../lexicon/looks-secret.ts';
import type { Mention } from '../mentions/mention.ts';
import { kebab } from '../operations/component-ids.ts';
import type { FoundEdit } from './find-edits.ts';

const NAME_STOPS = new Set([
  'and',
  'with',
  'that',
  'which',
  ',',
  'for',
  'in',
  'on',
  'from',
  'of',
  'plus',
  '?',
  ':',
  ';',
  '.',
  'please',
]);
const FILLERS = new Set(['the', 'a', 'an', 'something', 'like', '"']);

/** Resolves a mention to the existing entity it names (recording it), or undefined. */
export function existingOf(
  m: Mention | undefined,
  resolver: EntityResolver,
): ReturnType<EntityResolver['resolve']>[number] | undefined {
  if (!m) return undefined;
  const found = m.type === 'pronoun' ? undefined : resolver.refer(m);
  resolver.of.set(m, found ? [found] : []);
  return found?.existing ? found : undefined;
}

/** "rename the queue to jobs", "call the worker billing-worker": a new id for an existing component. */
export function findRename(
  sentence: Sentence,
  mentions: readonly Mention[],
  resolver: EntityResolver,
): FoundEdit | undefined {
  const { tokens } = sentence;
  const renameAt = tokens.findIndex((t) => t.lemma === 'rename');
  const callAt = ['call', 'name'].includes(tokens[0]?.w ?? '') ? 0 : -1;
  const at = renameAt >= 0 ? renameAt : callAt;
  if (at < 0) return undefined;
  const toAt = tokens.findIndex((t, i) => i > at && ['to', 'as', 'into'].includes(t.w));
  const targetMention = mentions.find(
    (m) => m.start > at && (toAt < 0 || m.start < toAt) && m.type !== 'other',
  );
  if (renameAt < 0 && !targetMention) return undefined;
  const nameStart = renameAt >= 0 ? (toAt < 0 ? -1 : toAt + 1) : (targetMention?.end ?? -1);
  if (nameStart < 0) return { consumed: [], questions: ['What should the new name be?'] };
  const words: string[] = [];
  for (let k = nameStart; k < tokens.length && words.length < 4; k++) {
    const t = tokens[k]!;
    if (NAME_STOPS.has(t.w) || looksSecret(t.text)) break;
    if (FILLERS.has(t.w)) continue;
    words.push(t.typed ?? t.w);
  }
  const newId = kebab(words);
  const consumed = mentions.filter((m) => m.start >= nameStart);
  const target = existingOf(targetMention, resolver);
  const id =
    target?.existing ??
    (targetMention === undefined || targetMention.type === 'pronoun' ? resolver.focusId() : undefined);
  if (!id)
    return {
      consumed: [...consumed, ...(targetMention ? [targetMention] : [])],
      questions: ['Which component should I rename?'],
    };
  if (newId.length === 0) return { consumed, questions: [`What should ${id} be called?`] };
  return {
    consumed: [...consumed, ...(targetMention ? [targetMention] : [])],
    apply: (draft) => {
      if (newId === id || !draft.get(id)) return;
      if (draft.get(newId)) return;
      draft.rename(id, newId);
    },
  };
}
