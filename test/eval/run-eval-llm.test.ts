import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEval } from '../../eval/runner/run-eval.ts';
import { type OpenAiStandIn, startOpenAiStandIn } from '../support/openai-stand-in.ts';
import { fixtureTree } from './fixture-tree.ts';

const cases = `
- id: queue-to-lambda
  turns: ["an SQS queue that triggers a Lambda"]
  expect:
    components: [{ kind: queue }, { kind: function }]
    connections: [{ from: queue, to: function, access: trigger }]
- id: a-bucket
  turns: ["an S3 bucket"]
  expect: { components: [{ kind: bucket }] }
`;

let ai: OpenAiStandIn;
beforeAll(async () => {
  ai = await startOpenAiStandIn();
});
afterAll(() => ai.close());

describe('npm run eval -- --planner llm', () => {
  const tree = fixtureTree({ 'cases/01-llm.yaml': cases });
  afterAll(() => tree.remove());

  it('plays the same sets through the LLM planner, talking to an OpenAI-compatible model', async () => {
    ai.reset();
    ai.script(
      {
        tool: {
          intent: 'edit',
          operations: [
            { op: 'add_component', id: 'jobs', kind: 'queue', params: {} },
            { op: 'add_component', id: 'worker-fn', kind: 'function', params: {} },
            { op: 'connect', from: 'jobs', to: 'worker-fn', access: 'trigger' },
          ],
          questions: [],
          reply: 'Added a queue that triggers a function.',
        },
        usage: { prompt: 1000, completion: 60 },
      },
      // the model gets the second case wrong: a table where a bucket was asked for
      {
        tool: {
          intent: 'edit',
          operations: [{ op: 'add_component', id: 'files', kind: 'kv_table', params: {} }],
          questions: [],
          reply: 'Added a table.',
        },
      },
    );
    const lines: string[] = [];
    const code = await runEval(['--planner', 'llm'], {
      out: (line) => lines.push(line),
      env: {
        OPENAI_API_KEY: 'sk-test-not-a-real-key-000000',
        OPENAI_BASE_URL: ai.baseUrl,
        OPENAI_MAX_RETRIES: '0',
      },
      casesDir: join(tree.dir, 'cases'),
      firstRunsPath: join(tree.dir, 'first-runs.json'),
      commit: () => 'abc123def456',
      today: () => '2026-12-07',
    });
    expect(code).toBe(0);
    const output = lines.join('\n');
    expect(output).toContain('llm planner (at abc123def456)');
    expect(output).toMatch(/01-llm\s+2\s+0\.667\s+1\.000\s+.*\s1\s+50%/);
    // the model saw the conventions the embedded planner follows, and each message once
    expect(ai.requests).toHaveLength(2);
    const prompt = JSON.stringify(ai.requests[0]!.body.messages);
    expect(prompt).toContain('One component per thing');
    expect(prompt).toContain('an SQS queue that triggers a Lambda');
  });

  it('says clearly that the llm planner needs a key, and exits 2', async () => {
    const lines: string[] = [];
    const code = await runEval(['--planner', 'llm'], {
      out: (line) => lines.push(line),
      env: {},
      casesDir: join(tree.dir, 'cases'),
      firstRunsPath: join(tree.dir, 'first-runs.json'),
    });
    expect(code).toBe(2);
    expect(lines.join('\n')).toContain('--planner llm: the llm planner needs OPENAI_API_KEY');
  });
});
