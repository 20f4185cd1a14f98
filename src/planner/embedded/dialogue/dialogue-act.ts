import type { PlanIntent } from '../../planner.ts';
import type { SentenceMood } from './sentence-mood.ts';

const FILLER = '(?:(?:please|pls|nah|no|ok|okay|hmm|oops|sorry|actually|wait|erm|um)[,!.]?\\s+)*';
const UNDO = new RegExp(
  `^\\s*${FILLER}(undo|revert|roll\\s?back|go back|scratch that|never\\s?mind|take that back)\\b`,
  'i',
);
const REDO = new RegExp(`^\\s*${FILLER}(redo|re-do|put it back|undo the undo|bring it back)\\b`, 'i');
const SUBMIT =
  /\b(submit|ship it|send (it |this )?(for|to) review|request (a )?review|open (a )?change request|create (a |the )?change request|file (a |the )?change request|(looks good|lgtm)[,.!]? (submit|ship|send))\b/i;
const GREETING =
  /^\s*(hi|hello|hey|yo|hiya|howdy|thanks|thank you|thx|ty|cheers|ok|okay|great|cool|nice|perfect|awesome|sounds good|good (morning|afternoon|evening))\b/i;
/** "hey so for the orders thing we need …" opens with a greeting but asks for something. */
const SMALLTALK_MAX_WORDS = 8;

/** What the whole message is before any parsing: undo, redo, submit, small talk, or something to read. */
export function messageAct(text: string): PlanIntent | undefined {
  const trimmed = text.trim();
  if (trimmed.length === 0) return 'smalltalk';
  if (UNDO.test(trimmed) && trimmed.split(/\s+/).length <= 6) return 'undo';
  if (REDO.test(trimmed) && trimmed.split(/\s+/).length <= 6) return 'redo';
  if (SUBMIT.test(trimmed) && trimmed.split(/\s+/).length <= 12) return 'submit';
  return undefined;
}

/** Small talk: a greeting or thanks with nothing else in it ("Hi team!", "thanks, looks great"). */
export function isSmallTalk(text: string, namesAnything: boolean): boolean {
  return !namesAnything && GREETING.test(text) && text.trim().split(/\s+/).length <= SMALLTALK_MAX_WORDS;
}

/**
 * The dialogue act stage: the message's intent from its sentences' moods and whether it changed anything.
 * A message that names infrastructure and asks for it ("can we get a queue?") is a request (an edit); a
 * question that changes nothing is a question.
 */
export function dialogueAct(moods: readonly SentenceMood[], changed: boolean, submit: boolean): PlanIntent {
  if (changed) return 'edit';
  if (submit) return 'submit';
  // "why is the bucket encrypted? we didn't ask for that": a question that changed nothing
  if (moods.includes('question')) return 'question';
  return 'edit';
}

export function isSubmit(sentence: string): boolean {
  return SUBMIT.test(sentence);
}
