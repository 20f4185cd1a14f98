import { COMPUTE_KINDS, type ComponentKind } from '../../../model/kinds.ts';
import { CREATION_VERBS, VERB_CLASSES, type VerbClass } from '../lexicon/verbs.ts';
import type { LinkClass } from './access-for.ts';

export const COMPUTE: ReadonlySet<ComponentKind> = new Set([...COMPUTE_KINDS]);
export const DATA_CLASSES: ReadonlySet<LinkClass> = new Set([
  'read',
  'write',
  'readwrite',
  'publish',
  'consume',
  'transfer',
]);
export const CHANNEL_KINDS: ReadonlySet<ComponentKind> = new Set(['queue', 'topic', 'event_bus', 'stream']);
export const SOURCE_PREPS = new Set(['from', 'off', 'out']);
export const PLACE_PREPS = new Set(['to', 'into', 'in', 'on', 'onto', 'at']);
export const CHANNEL_PREPS = new Set(['via', 'through', 'using', 'over']);
/** Verbs whose object is made, not linked: "add a queue", "we need a table". */
export const MAKES = new Set(
  [...CREATION_VERBS].filter((v) => !['use', 'get', 'put', 'set', 'give', 'have'].includes(v)),
);

/** A verb's class; a verb the lexicon does not know moves data: from what it reads to where it writes. */
export function verbClass(lemma: string): LinkClass | undefined {
  return (
    (VERB_CLASSES.get(lemma) as VerbClass | undefined) ?? (UNKNOWN_STOP.has(lemma) ? undefined : 'transfer')
  );
}

/** Verbs that say nothing about a link ("be", "have", "go", "work"). */
const UNKNOWN_STOP = new Set([
  'disconnect',
  'unlink',
  'detach',
  'rename',
  'swap',
  'switch',
  'replace',
  'be',
  'have',
  'go',
  'come',
  'work',
  'do',
  'look',
  'see',
  'want',
  'need',
  'like',
  'think',
  'know',
  'say',
  'tell',
  'ask',
  'help',
  'try',
  'keep',
  'let',
  'allow',
  'deploy',
  'provision',
  'add',
  'create',
  'build',
  'make',
  'set',
  'spin',
  'include',
  'give',
  'get',
  'put',
  'stand',
  'launch',
  'require',
  'sit',
  'live',
  'run',
  'happen',
  'occur',
  'arrive',
  'exist',
  'contain',
  'hold',
  'wait',
  'finish',
  'complete',
  'fail',
  'succeed',
  'return',
  'show',
  'display',
  'explain',
  'cost',
  'mean',
]);
