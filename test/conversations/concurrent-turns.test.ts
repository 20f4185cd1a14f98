import { afterAll, beforeAll, expect, it } from 'vitest';
import type { OpenAiStandIn } from '../support/openai-stand-in.ts';
import type { TestApp } from '../support/test-app.ts';
import { startLlmTestApp } from './support/llm-test-app.ts';

let ai: OpenAiStandIn;
let t: TestApp;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ ai, t, close } = await startLlmTestApp());
});
afterAll(() => close());

const add = (id: string, kind: string) => ({
  intent: 'edit',
  operations: [{ op: 'add_component', id, kind, params: {} }],
  questions: [],
  reply: `Added ${id}.`,
});

it('a turn that loses a race to another turn is refused with 409 and leaves nothing behind', async () => {
  const dev = await t.createUser({ roles: ['developer'], teams: ['payments'] });
  const created = await t.app.inject({
    method: 'POST',
    url: '/v1/conversations',
    headers: dev.headers,
    payload: { team: 'payments', environment: 'dev' },
  });
  const id = (created.json() as { id: string }).id;
  // the first message's model answer is slow; the second message is planned and stored meanwhile
  ai.script({ tool: add('slow-queue', 'queue'), delayMs: 1_500 }, { tool: add('fast-bucket', 'bucket') });
  const send = (text: string) =>
    t.app.inject({
      method: 'POST',
      url: `/v1/conversations/${id}/messages`,
      headers: dev.headers,
      payload: { text },
    });
  const slow = send('a queue');
  await new Promise((resolve) => setTimeout(resolve, 300));
  const fast = await send('a bucket');
  const lost = await slow;

  expect(fast.statusCode, fast.body).toBe(200);
  expect(lost.statusCode, lost.body).toBe(409);
  expect(lost.headers['content-type']).toMatch(/application\/problem\+json/);
  expect(lost.json()).toMatchObject({ type: 'https://infra-copilot.dev/problems/conversation-conflict' });

  const conversation = (
    await t.app.inject({ method: 'GET', url: `/v1/conversations/${id}`, headers: dev.headers })
  ).json() as {
    architecture: { components: { id: string }[] };
    turns: { message: string; planner: string; usage: { inputTokens: number } | null }[];
    version: number;
  };
  expect(conversation.architecture.components.map((c) => c.id)).toEqual(['fast-bucket']);
  expect(conversation.turns.map((turn) => turn.message)).toEqual(['a bucket']);
  expect(conversation.turns[0]?.planner).toBe('llm');
  expect(conversation.turns[0]?.usage?.inputTokens).toBeGreaterThan(0);
  expect(conversation.version).toBe(1);

  const audit = await t.app.audit.list({ subjectType: 'conversation' });
  const actions = audit.filter((entry) => entry.subject.id === id).map((entry) => entry.action);
  expect(actions.sort()).toEqual(['conversation.create', 'conversation.message']);
});
