import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { emptyArchitecture } from '../../src/model/architecture.ts';
import { EmbeddedPlanner } from '../../src/planner/embedded/embedded-planner.ts';
import { LlmPlanner } from '../../src/planner/llm/llm-planner.ts';
import { type OpenAiStandIn, startOpenAiStandIn } from '../support/openai-stand-in.ts';

let ai: OpenAiStandIn;
beforeAll(async () => {
  ai = await startOpenAiStandIn();
});
afterAll(() => ai.close());
beforeEach(() => ai.reset());

function planner(overrides: { timeoutMs?: number; maxRetries?: number } = {}): LlmPlanner {
  return new LlmPlanner({
    apiKey: 'sk-test-not-a-real-key-000000',
    model: 'gpt-4o-mini',
    baseUrl: ai.baseUrl,
    timeoutMs: overrides.timeoutMs ?? 5_000,
    maxRetries: overrides.maxRetries ?? 2,
    fallback: new EmbeddedPlanner(),
  });
}

const validPlan = {
  intent: 'edit',
  operations: [
    { op: 'add_component', id: 'orders-db', kind: 'postgres', params: { multi_az: true } },
    { op: 'set_meta', team: 'payments', environment: 'prod' },
  ],
  questions: [],
  reply: 'Added a multi-AZ Postgres database.',
};

describe('LLM planner against the OpenAI stand-in', () => {
  it('uses a valid answer and reports token usage', async () => {
    ai.script({ tool: validPlan, usage: { prompt: 900, completion: 80 } });
    const result = await planner().plan({
      architecture: emptyArchitecture(),
      message: 'a multi-AZ postgres for payments in prod',
    });
    expect(result.planner).toBe('llm');
    expect(result.operations).toEqual(validPlan.operations);
    expect(result.usage).toEqual({ inputTokens: 900, outputTokens: 80 });
    const sent = ai.requests[0]!.body;
    expect(sent.tools?.[0]?.function.name).toBe('plan');
    expect(JSON.stringify(sent.messages)).toContain('### postgres');
  });

  it('repairs an invalid answer by showing the model its error', async () => {
    ai.script(
      {
        tool: {
          intent: 'edit',
          operations: [{ op: 'add_component', id: 'Orders DB', kind: 'postgres' }],
          questions: [],
          reply: '',
        },
      },
      { tool: validPlan },
    );
    const result = await planner().plan({ architecture: emptyArchitecture(), message: 'an orders database' });
    expect(result.planner).toBe('llm');
    expect(result.operations[0]).toMatchObject({ id: 'orders-db' });
    expect(ai.requests).toHaveLength(2);
    const repair = JSON.stringify(ai.requests[1]!.body.messages);
    expect(repair).toContain('Your previous answer was rejected');
    expect(repair).toContain('kebab-case');
  });

  it('repairs operations that do not apply to the architecture', async () => {
    ai.script(
      {
        tool: {
          intent: 'edit',
          operations: [{ op: 'update_params', id: 'db', params: { multi_az: true } }],
          questions: [],
          reply: '',
        },
      },
      { tool: validPlan },
    );
    const result = await planner().plan({
      architecture: emptyArchitecture(),
      message: 'make the database multi-AZ',
    });
    expect(result.planner).toBe('llm');
    expect(JSON.stringify(ai.requests[1]!.body.messages)).toContain('no component');
  });

  it('falls back to the embedded planner with a visible note on garbage', async () => {
    ai.script({ tool: 'this is {not json' }, { content: 'I would rather chat.' });
    const result = await planner().plan({ architecture: emptyArchitecture(), message: 'an SQS queue' });
    expect(result.planner).toBe('embedded');
    expect(result.operations).toEqual([{ op: 'add_component', id: 'queue', kind: 'queue', params: {} }]);
    expect(result.notes[0]).toMatch(/model could not be used \(its answer was not a valid plan/);
  });

  it('retries after a 429 with Retry-After and then succeeds', async () => {
    ai.script(
      { status: 429, headers: { 'retry-after': '0' }, message: 'Rate limit reached' },
      { tool: validPlan },
    );
    const result = await planner().plan({
      architecture: emptyArchitecture(),
      message: 'a postgres database',
    });
    expect(result.planner).toBe('llm');
    expect(ai.requests).toHaveLength(2);
  });

  it('retries a 5xx and falls back when the model stays down', async () => {
    ai.script({ status: 503 }, { status: 503 });
    const result = await planner({ maxRetries: 1 }).plan({
      architecture: emptyArchitecture(),
      message: 'a bucket',
    });
    expect(result.planner).toBe('embedded');
    expect(ai.requests).toHaveLength(2);
    expect(result.notes[0]).toMatch(/model could not be used/);
  });

  it('times out and falls back', async () => {
    ai.script({ tool: validPlan, delayMs: 1_500 });
    const started = Date.now();
    const result = await planner({ timeoutMs: 200, maxRetries: 0 }).plan({
      architecture: emptyArchitecture(),
      message: 'a Redis cache',
    });
    expect(Date.now() - started).toBeLessThan(1_400);
    expect(result.planner).toBe('embedded');
    expect(result.operations[0]).toMatchObject({ kind: 'cache' });
    expect(result.notes[0]).toMatch(/did not answer in time/);
  });

  it('never sends secret-looking text to the model', async () => {
    ai.script({ tool: validPlan });
    await planner().plan({
      architecture: emptyArchitecture(),
      message:
        'a postgres db; our key is AKIAIOSFODNN7EXAMPLE, password=hunter2hunter2, url postgres://admin:s3cr3tpw@db.internal:5432/app and token ghp_abcdefghijklmnopqrstuvwxyz0123456789',
    });
    const sent = ai.sentText();
    for (const secret of [
      'AKIAIOSFODNN7EXAMPLE',
      'hunter2hunter2',
      's3cr3tpw',
      'ghp_abcdefghijklmnopqrstuvwxyz0123456789',
    ]) {
      expect(sent).not.toContain(secret);
    }
    expect(sent).toContain('[REDACTED');
  });
});
