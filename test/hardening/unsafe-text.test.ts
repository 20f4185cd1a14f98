/**
 * Text with a NUL character or an unpaired surrogate is refused with 400 naming the field wherever it enters
 * over HTTP, before anything is planned or stored; a streamed turn announces its reply and `done` only after
 * the turn is committed (issue 13, item 4).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLlmTestApp } from '../conversations/support/llm-test-app.ts';
import type { OpenAiStandIn } from '../support/openai-stand-in.ts';
import type { TestApp, TestUser } from '../support/test-app.ts';

let ai: OpenAiStandIn;
let t: TestApp;
let close: () => Promise<void>;
let dev: TestUser;

beforeAll(async () => {
  ({ ai, t, close } = await startLlmTestApp());
  dev = await t.createUser({ roles: ['developer'], teams: ['payments'] });
});
afterAll(() => close());

async function conversation(): Promise<string> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/v1/conversations',
    headers: dev.headers,
    payload: { team: 'payments', environment: 'dev' },
  });
  return res.json().id as string;
}

const turns = async (id: string) =>
  (await t.app.inject({ method: 'GET', url: `/v1/conversations/${id}`, headers: dev.headers })).json().turns;

const bad: [string, string][] = [
  ['a NUL character', 'a queue\u0000please'],
  ['an unpaired high surrogate', 'a queue \ud800 please'],
  ['an unpaired low surrogate', '\udc00a queue'],
];

describe('text that PostgreSQL cannot store is a 400 naming the field', () => {
  for (const [what, text] of bad) {
    it(`refuses a message with ${what}, streamed or not, and stores nothing`, async () => {
      const id = await conversation();
      for (const accept of ['application/json', 'text/event-stream']) {
        const res = await t.app.inject({
          method: 'POST',
          url: `/v1/conversations/${id}/messages`,
          headers: { ...dev.headers, accept, 'content-type': 'application/json' },
          payload: JSON.stringify({ text }),
        });
        expect(res.statusCode, res.body).toBe(400);
        expect(res.json()).toMatchObject({
          type: 'https://infra-copilot.dev/problems/validation-failed',
          errors: [{ path: 'body.text' }],
        });
      }
      expect(await turns(id)).toEqual([]);
    });
  }

  it('names nested fields, keys, query values and path parameters', async () => {
    const title = await t.app.inject({
      method: 'POST',
      url: '/v1/conversations',
      headers: { ...dev.headers, 'content-type': 'application/json' },
      payload: JSON.stringify({ team: 'payments', title: 'orders\u0000' }),
    });
    expect(title.statusCode).toBe(400);
    expect(title.json().errors).toEqual([{ path: 'body.title', message: expect.stringMatching(/NUL/) }]);

    const evaluate = await t.app.inject({
      method: 'POST',
      url: '/v1/guardrails/evaluate',
      headers: { ...dev.headers, 'content-type': 'application/json' },
      payload: JSON.stringify({
        template: { Resources: { A: { Type: 'AWS::SQS::Queue', Properties: { 'x\ud800': 1 } } } },
      }),
    });
    expect(evaluate.statusCode).toBe(400);
    expect(evaluate.json().errors[0].path).toBe('body.template.Resources.A.Properties');

    const query = await t.app.inject({
      method: 'GET',
      url: '/v1/conversations?limit=5%00',
      headers: dev.headers,
    });
    expect(query.statusCode).toBe(400);
    expect(query.json().errors[0].path).toBe('query.limit');
  });
});

describe('a streamed turn', () => {
  it('sends its reply and done only once the turn is committed: a turn that loses a race ends with an error', async () => {
    const id = await conversation();
    const add = (component: string, kind: string) => ({
      intent: 'edit',
      operations: [{ op: 'add_component', id: component, kind, params: {} }],
      questions: [],
      reply: `Added ${component}.`,
    });
    ai.script({ tool: add('slow-queue', 'queue'), delayMs: 1_500 }, { tool: add('fast-bucket', 'bucket') });
    const slow = t.app.inject({
      method: 'POST',
      url: `/v1/conversations/${id}/messages`,
      headers: { ...dev.headers, accept: 'text/event-stream' },
      payload: { text: 'a queue' },
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const fast = await t.app.inject({
      method: 'POST',
      url: `/v1/conversations/${id}/messages`,
      headers: dev.headers,
      payload: { text: 'a bucket' },
    });
    expect(fast.statusCode).toBe(200);
    const lost = await slow;
    const events = [...lost.body.matchAll(/^event: (\w+)$/gm)].map((m) => m[1]);
    expect(events).not.toContain('done');
    expect(events).not.toContain('reply');
    expect(events.at(-1)).toBe('error');
    expect(lost.body).toContain('conversation-conflict');
    expect((await turns(id)).map((turn: { message: string }) => turn.message)).toEqual(['a bucket']);
  });
});
