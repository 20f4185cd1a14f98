import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/planner/embedded/analysis/analyze.ts';

const tags = (text: string) =>
  analyze(text).sentences.map((s) => s.tokens.map((t) => `${t.text}/${t.pos}`).join(' '));

describe('analysis stage', () => {
  it('splits sentences at full stops but keeps dotted names and abbreviations whole', () => {
    const { sentences } = analyze(
      'Use db.r6g.large, e.g. for prod. Then add a t3.micro bastion!\nAlso a queue',
    );
    expect(sentences.map((s) => s.text)).toEqual([
      'Use db.r6g.large, e.g. for prod.',
      'Then add a t3.micro bastion!',
      'Also a queue',
    ]);
    expect(sentences[0]!.tokens.map((t) => t.w)).toContain('db.r6g.large');
  });

  it('reads our verbs where a general English model reads plural nouns', () => {
    expect(tags('The bucket publishes events to EventBridge, which routes them to SNS')[0]).toContain(
      'routes/VERB',
    );
    expect(tags('An SNS topic fans out to two queues')[0]).toContain('fans/VERB');
    expect(tags('a worker consuming an SQS queue')[0]).toContain('consuming/VERB');
    expect(tags('drop the cache')[0]).toContain('drop/VERB');
  });

  it('keeps a verb form after a determiner or "by" a noun', () => {
    expect(tags('a thumbnail Lambda triggered by uploads to a bucket')[0]).toContain('uploads/NOUN');
  });

  it('marks what a negation covers, up to the end of its clause', () => {
    const [s] = analyze("don't add a cache, but add a queue").sentences;
    const negated = s!.tokens.filter((t) => t.negated).map((t) => t.w);
    expect(negated).toEqual(['add', 'a', 'cache']);
  });

  it('tells questions from statements, with or without a question mark', () => {
    const mood = (text: string) => analyze(text).sentences[0]!.interrogative;
    expect(mood('why is the database encrypted')).toBe(true);
    expect(mood('can we get a queue?')).toBe(true);
    expect(mood('whats the monthly bill')).toBe(true);
    expect(mood('When an image lands in the bucket, a Lambda resizes it.')).toBe(false);
    expect(mood('How it works: the API writes to SQS.')).toBe(false);
  });

  it('corrects typos of product names but not ordinary words', () => {
    const words = analyze('a postgress db and a lamda that reads a stable table').sentences[0]!.tokens.map(
      (t) => t.w,
    );
    expect(words).toEqual([
      'a',
      'postgres',
      'db',
      'and',
      'a',
      'lambda',
      'that',
      'reads',
      'a',
      'stable',
      'table',
    ]);
  });
});
