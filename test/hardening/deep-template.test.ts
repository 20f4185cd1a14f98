/**
 * Template text nested too deep or holding too many values is refused with a 400 before it is parsed, and
 * several at once do not take the replica down; a parser worker that dies fails its own request only
 * (issue 13, item 1). Times and memory are measured by `npm run soak` and `npm run bench guardrails`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTemplateParser } from '../../src/cfn/template-parser.ts';
import { TemplateParserUnavailableError } from '../../src/cfn/template-parser-unavailable-error.ts';
import { createTestApp, type TestApp, type TestUser } from '../support/test-app.ts';

let t: TestApp;
let dev: TestUser;

beforeAll(async () => {
  t = await createTestApp();
  dev = await t.createUser({ roles: ['developer'], teams: ['payments'] });
});
afterAll(() => t.close());

const evaluate = (template: string) =>
  t.app.inject({
    method: 'POST',
    url: '/v1/guardrails/evaluate',
    headers: { ...dev.headers, 'content-type': 'application/json' },
    payload: JSON.stringify({ template }),
  });

const joins = '{"Fn::Join":["",['.repeat(100_000);

describe('over-deep and oversized template text', () => {
  it('answers three parallel 100,000-level texts with 400 naming the depth and where', async () => {
    const answers = await Promise.all([evaluate(joins), evaluate(joins), evaluate(joins)]);
    for (const res of answers) {
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({
        type: 'https://infra-copilot.dev/problems/template-parse-error',
        line: 1,
      });
      expect(res.json().detail).toMatch(/nests deeper than \d+ levels/);
    }
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  }, 60_000);

  it('refuses deep block nesting and a flood of values the same way', async () => {
    const dashes = await evaluate(
      `Resources:\n  A:\n    Type: X\n    Properties:\n      P:\n${'- '.repeat(50_000)}x\n`,
    );
    expect(dashes.statusCode).toBe(400);
    expect(dashes.json().detail).toMatch(/nests deeper/);
    const values = await evaluate(`Resources: {}\nX: [${'1,'.repeat(400_000)}1]\n`);
    expect(values.statusCode).toBe(400);
    expect(values.json().detail).toMatch(/more than [\d,]+ values/);
  }, 60_000);

  it('still reads quoted brackets and ordinary nesting', async () => {
    const res = await evaluate(
      'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: "[[[[[[[[{{{{{{"\n      Tags: [{Key: a, Value: "]]]]"}]\n',
    );
    expect(res.statusCode).toBe(200);
  });
});

describe('a parser worker that runs out of memory', () => {
  it('fails that parse with 503 and the next parse works', async () => {
    const parser = createTemplateParser({ inlineLimit: 0, poolSize: 1, heapMb: 64 });
    try {
      const big = `Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      Tags:\n${'        - {Key: k, Value: v}\n'.repeat(40_000)}`;
      await expect(parser.parse(big)).rejects.toBeInstanceOf(TemplateParserUnavailableError);
      const small = await parser.parse('Resources:\n  Q:\n    Type: AWS::SQS::Queue\n');
      expect(Object.keys(small.template.Resources ?? {})).toEqual(['Q']);
    } finally {
      await parser.close();
    }
  }, 60_000);
});
