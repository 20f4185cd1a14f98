import type { Sentence } from '../analysis/token.ts';
import type { Entity } from '../entities/entity.ts';
import type { EntityResolver } from '../entities/resolve-entities.ts';
import type { Mention } from '../mentions/mention.ts';
import type { FoundEdit } from './find-edits.ts';
import { existingOf } from './rename.ts';

const CUT_VERBS = new Set([
  'disconnect',
  'unlink',
  'cut',
  'sever',
  'break',
  'revoke',
  'remove',
  'drop',
  'delete',
]);
const LINK_NOUNS = new Set(['link', 'connection', 'access', 'edge', 'arrow', 'permission', 'integration']);

/**
 * "disconnect the worker from the database", "cut the link between the service and the cache": the link
 * goes, both components stay. "make the worker's access to the table read-only": a read-write link keeps
 * one direction.
 */
export function findLinkEdit(
  sentence: Sentence,
  mentions: readonly Mention[],
  resolver: EntityResolver,
): FoundEdit | undefined {
  const { tokens } = sentence;
  const words = tokens.map((t) => t.lemma);
  const cut = words.some(
    (w, i) =>
      w === 'disconnect' ||
      w === 'unlink' ||
      (CUT_VERBS.has(w) && words.slice(i + 1, i + 4).some((v) => LINK_NOUNS.has(v))),
  );
  const narrow = words.includes('readonly') ? 'read' : words.includes('writeonly') ? 'write' : undefined;
  if (!cut && !narrow) return undefined;
  const named = mentions.filter((m) => m.type === 'component' || m.type === 'id' || m.type === 'part');
  if (named.length < 2) return undefined;
  const entities: Entity[] = [];
  for (const m of named) {
    const e = existingOf(m, resolver);
    if (e && !entities.includes(e)) entities.push(e);
  }
  if (entities.length < 2) return undefined;
  const [a, b] = entities.map((e) => e.existing!) as [string, string];
  return {
    consumed: named,
    apply: (draft) => {
      const link = draft.connections.find(
        (c) => (c.from === a && c.to === b) || (c.from === b && c.to === a),
      );
      if (!link) return;
      if (cut) {
        draft.disconnect(link.from, link.to);
        return;
      }
      if (narrow && link.access === 'readwrite') {
        draft.disconnect(link.from, link.to);
        draft.connect(link.from, link.to, narrow);
      }
    },
  };
}
