import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runEval } from '../../eval/runner/run-eval.ts';
import type { Operation } from '../../src/model/operations.ts';
import type { Planner, PlannerInput, PlanResult } from '../../src/planner/planner.ts';
import { fixtureTree } from './fixture-tree.ts';

/**
 * A planner for testing the runner, whose answers a reader can predict: every word that is a kind adds a
 * component of that kind; `a>b:mode` connects the first components of kinds a and b.
 */
class WordPlanner implements Planner {
  readonly name = 'embedded' as const;
  async plan(input: PlannerInput): Promise<PlanResult> {
    const operations: Operation[] = [];
    const ids = new Map<string, string>();
    for (const word of input.message.split(/\s+/)) {
      const link = /^(\w+)>(\w+):(\w+)$/.exec(word);
      if (link) {
        const [, from = '', to = '', access] = link;
        operations.push({
          op: 'connect',
          from: ids.get(from) ?? from,
          to: ids.get(to) ?? to,
          access: access as 'read',
        });
      } else if (['queue', 'function', 'bucket', 'topic'].includes(word)) {
        const id = `${word}-${operations.length + 1}`;
        if (!ids.has(word)) ids.set(word, id);
        operations.push({ op: 'add_component', id, kind: word as 'queue', params: {} });
      }
    }
    return { operations, questions: [], intent: 'edit', notes: [], planner: 'embedded' };
  }
}

const files = {
  'cases/01-basics.yaml': `
- id: basic-two
  turns: ["function queue function>queue:publish"]
  expect:
    components: [{ kind: function }, { kind: queue }]
    connections: [{ from: function, to: queue, access: publish }]
- id: basic-miss
  turns: ["function"]
  expect: { components: [{ kind: bucket }] }
`,
  'cases/02-secret.yaml': `
- id: held-one
  tags: [held-out]
  turns: ["topic"]
  expect: { components: [{ kind: queue }] }
`,
  'snap/notify/example-workflow.json': JSON.stringify({
    title: 'Notify',
    description: 'function queue',
    introBox: { text: [] },
  }),
  'snap/notify/template.yaml': `
Resources:
  Fn: { Type: AWS::Lambda::Function }
  Q: { Type: AWS::SQS::Queue }
  M:
    Type: AWS::Lambda::EventSourceMapping
    Properties: { EventSourceArn: !GetAtt Q.Arn, FunctionName: !Ref Fn }
`,
  'snap/.snapshot-commit': `${'c'.repeat(40)}\n`,
};

const t = fixtureTree(files);
afterAll(t.remove);

/** Each test keeps its own first-runs file (tests run in random order). */
async function run(argv: string[], runsFile = 'first-runs.json') {
  const lines: string[] = [];
  const code = await runEval(argv, {
    out: (line) => lines.push(line),
    env: {},
    casesDir: join(t.dir, 'cases'),
    firstRunsPath: join(t.dir, runsFile),
    makePlanner: async () => new WordPlanner(),
    today: () => '2026-03-04',
    commit: () => 'feedbeef',
  });
  return { code, text: lines.join('\n'), lines };
}

const row = (text: string, name: string) => text.split('\n').find((l) => l.trimStart().startsWith(name));

describe('npm run eval', () => {
  it('prints a row per committed set, holds a held-out set back, and lists misses when verbose', async () => {
    const { code, text } = await run(['--verbose']);
    expect(code).toBe(0);
    expect(row(text, '01-basics')?.split(/\s+/).filter(Boolean)).toEqual([
      '01-basics',
      '2',
      '0.667',
      '1.000',
      '—',
      '—',
      '1',
      '50%',
      '—',
      '—',
    ]);
    expect(row(text, '02-secret')).toMatch(/held out: not played until its first run is recorded/);
    expect(text).toContain('✗ basic-miss  ["function"]');
    expect(text).toContain('kinds: got [function], expected [bucket]');
    expect(text).toContain('llm planner: skipped');
  });

  it('records first runs once: a second recording keeps the first figures', async () => {
    const snap = `sfn-workflows=${join(t.dir, 'snap')}`;
    const first = await run(['--external', snap, '--record-first-run'], 'recorded.json');
    expect(first.code).toBe(0);
    // The Lambda is triggered by the queue; the planner only adds the two components.
    expect(row(first.text, 'ext sfn-workflows')).toMatch(
      /^\s+ext sfn-workflows\s+1\s+1\.000\s+0\.000 .*0\.000 0\/1 2026-03-04/,
    );
    expect(first.lines.at(-1)?.trim()).toBe(
      `recorded first-run of 3 sets in ${join(t.dir, 'recorded.json')}: 01-basics, 02-secret, sfn-workflows`,
    );
    const recorded = JSON.parse(readFileSync(join(t.dir, 'recorded.json'), 'utf8'));
    expect(recorded['first-run'].map((e: { set: string }) => e.set)).toEqual([
      '01-basics',
      '02-secret',
      'sfn-workflows',
    ]);
    expect(recorded['first-run'][2]).toEqual({
      set: 'sfn-workflows',
      planner: 'embedded',
      source: { repo: 'aws-samples/step-functions-workflows-collection', commit: 'c'.repeat(40) },
      date: '2026-03-04',
      plannerCommit: 'feedbeef',
      figures: { cases: 1, kindF1: 1, edgeF1: 0, params: null, teamEnvironment: null, fullyRight: 0 },
    });
    const again = await run(['--external', snap, '--record-first-run'], 'recorded.json');
    expect(again.text).toContain('first-run already recorded: kept as it is');
    expect(JSON.parse(readFileSync(join(t.dir, 'recorded.json'), 'utf8'))).toEqual(recorded);
    // Recorded, the held-out set is played; its misses are still never listed.
    const verbose = await run(['--verbose', '--cases', '02-*.yaml'], 'recorded.json');
    expect(row(verbose.text, '02-secret')).toMatch(/02-secret\s+1\s+0\.000/);
    expect(verbose.text).toContain('misses not listed: tagged held-out');
  });

  it("records the old planner's baseline of an external set without showing its misses, and never plays a held-out file for it", async () => {
    const snap = `sfn-workflows=${join(t.dir, 'snap')}`;
    const plain = await run(['--external', snap], 'baseline.json');
    expect(row(plain.text, 'ext sfn-workflows')).toMatch(
      /held out: not played until its first run is recorded/,
    );
    const baseline = await run(['--external', snap, '--record-baseline', '--verbose'], 'baseline.json');
    expect(row(baseline.text, 'ext sfn-workflows')).toMatch(/0\.000 0\/1\s*$/);
    expect(baseline.text).toContain('misses not listed: no first run recorded yet');
    expect(row(baseline.text, '02-secret')).toMatch(/held out: not played/);
    const recorded = JSON.parse(readFileSync(join(t.dir, 'baseline.json'), 'utf8'));
    expect(recorded['first-run']).toEqual([]);
    expect(recorded['baseline-old-planner'].map((e: { set: string }) => e.set)).toEqual([
      '01-basics',
      'sfn-workflows',
    ]);
  });

  it('says what is wrong with the command line, and exits 2', async () => {
    expect(await run(['--planner', 'llm'])).toMatchObject({
      code: 2,
      text: 'eval: --planner llm: the llm planner needs OPENAI_API_KEY (and OPENAI_BASE_URL / OPENAI_MODEL as needed)',
    });
    expect((await run(['--external', 'nope=/tmp'])).text).toMatch(
      /unknown set; expected one of sfn-workflows, /,
    );
    expect((await run(['--external', 'sfn-workflows'])).text).toBe(
      'eval: --external: expected <name>=<snapshot directory>, got "sfn-workflows"',
    );
    expect((await run(['--record-first-run', '--only', 'x'])).code).toBe(2);
    expect((await run(['--fast'])).text).toMatch(/^eval: unknown option "--fast"/);
  });
});
