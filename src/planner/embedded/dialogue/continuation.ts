import { analyze } from '../analysis/analyze.ts';
import type { Sentence } from '../analysis/token.ts';
import { removalAt } from './sentence-mood.ts';

/** Whether a message removed something ("drop the table"), so "and the queue too" removes as well. */
export function continuesRemoval(previous: string): boolean {
  return analyze(previous).sentences.some((s) => removalAt(s.tokens) >= 0);
}

/** "and the queue too", "the topic as well", "also the cache": more objects for the previous message's verb. */
export function isContinuation(sentence: Sentence): boolean {
  const words = sentence.tokens.map((t) => t.w).filter((w) => w !== '.' && w !== '!');
  const first = words[0];
  const last = words.at(-1);
  const tail = words.slice(-2).join(' ');
  const opens = first === 'and' || first === 'also' || last === 'too' || tail === 'as well';
  return opens && !sentence.tokens.some((t) => t.pos === 'VERB');
}
