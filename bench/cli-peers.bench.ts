/**
 * `infra-copilot check` beside its peers on the same templates and machine: whole process (what CI pays, from
 * start to exit) and warm in process (what a long-running service pays), at 2,000 resources, and ours at
 * 10,000 for linearity. Peers run when installed in a scratch directory outside the repo:
 *
 *   mkdir -p /tmp/infra-copilot-peers && cd /tmp/infra-copilot-peers && npm init -y \
 *     && npm install cdk-nag aws-cdk-lib constructs            # cdk-nag (AwsSolutions pack)
 *   pip install cfn-lint                                        # cfn-lint (the machine image has 1.51)
 *   pip install cloudformation-validate                         # PyPI only (not on npm); optional
 *
 * INFRA_COPILOT_PEERS names another scratch directory; CFN_VALIDATE another cloudformation-validate command.
 * A peer that is not installed is listed as such. Targets (issue 14): whole process at least 5x faster than
 * cdk-nag and cloudformation-validate; warm at least 30x cdk-nag and 50x cloudformation-validate.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { devNull, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateTemplate } from './guardrails.bench.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const peers = process.env.INFRA_COPILOT_PEERS ?? join(tmpdir(), 'infra-copilot-peers');
/** Runs per whole-process figure: ours; peers (cfn-lint takes tens of seconds a run). */
const RUNS = 5;
const PEER_RUNS = 3;

interface Timing {
  readonly wall: number;
  readonly cpu?: number;
}

const hasTime = existsSync('/usr/bin/time');

/** Median wall (and CPU, with /usr/bin/time) of a command run RUNS times; undefined when it cannot run. */
function wholeProcess(
  command: string,
  args: string[],
  okCodes: readonly number[],
  runs = PEER_RUNS,
): Timing | undefined {
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    const run = hasTime
      ? spawnSync('/usr/bin/time', ['-f', '%U %S', command, ...args], { encoding: 'utf8', cwd: root })
      : spawnSync(command, args, { encoding: 'utf8', cwd: root });
    walls.push(performance.now() - started);
    if (run.status === null || !okCodes.includes(run.status)) return undefined;
    const cpu = hasTime ? /(\d+\.\d+) (\d+\.\d+)\s*$/.exec(run.stderr) : null;
    if (cpu) cpus.push((Number(cpu[1]) + Number(cpu[2])) * 1000);
  }
  const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)] ?? 0;
  return { wall: median(walls), ...(cpus.length > 0 ? { cpu: median(cpus) } : {}) };
}

const CDK_NAG_RUNNER = `
const { createRequire } = require('node:module');
const { join } = require('node:path');
const peer = createRequire(join(process.env.PEERS, 'package.json'));
const { App, Aspects, Stack } = peer('aws-cdk-lib');
const { CfnInclude } = peer('aws-cdk-lib/cloudformation-include');
const { AwsSolutionsChecks } = peer('cdk-nag');
const [templateFile, warmRuns] = process.argv.slice(2);
function once() {
  const app = new App({ outdir: require('node:fs').mkdtempSync(join(require('node:os').tmpdir(), 'cdk-nag-')) });
  const stack = new Stack(app, 'Checked');
  new CfnInclude(stack, 'Template', { templateFile, allowCyclicalReferences: true });
  Aspects.of(app).add(new AwsSolutionsChecks({ reports: false }));
  app.synth();
}
if (!warmRuns) once();
else {
  for (let i = 0; i < 2; i += 1) once();
  const times = [];
  for (let i = 0; i < Number(warmRuns); i += 1) {
    const t = performance.now();
    once();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  process.stdout.write(JSON.stringify({ warm: times[Math.floor(times.length / 2)] }));
}
`;

const CFN_LINT_WARM = `
import json, sys, time
from cfnlint.api import lint, ManualArgs
text = open(sys.argv[1]).read()
config = ManualArgs(regions=['us-east-1'])
for _ in range(1): lint(text, config=config)
times = []
for _ in range(int(sys.argv[2])):
    t = time.perf_counter(); lint(text, config=config); times.append((time.perf_counter() - t) * 1000)
times.sort()
print(json.dumps({'warm': times[len(times) // 2]}))
`;

function warmChild(command: string, args: string[], env: Record<string, string> = {}): number | undefined {
  const run = spawnSync(command, args, {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 600_000,
  });
  try {
    return (JSON.parse(run.stdout) as { warm: number }).warm;
  } catch {
    return undefined;
  }
}

function ms(timing: Timing | undefined): string {
  if (!timing) return 'not installed';
  return `${timing.wall.toFixed(0)} ms${timing.cpu !== undefined ? ` (CPU ${timing.cpu.toFixed(0)})` : ''}`;
}

function ratio(peer: number | undefined, ours: number | undefined): string {
  return peer === undefined || ours === undefined || ours === 0 ? '' : `${(peer / ours).toFixed(1)}x`;
}

export default async function bench(): Promise<void> {
  const { evaluateTemplate } = await import('../src/guardrails/evaluate.ts');
  const dir = mkdtempSync(join(tmpdir(), 'cli-peers-'));
  try {
    const files: Record<number, string> = {};
    for (const size of [2_000, 10_000]) {
      files[size] = join(dir, `template-${size}.json`);
      writeFileSync(files[size] as string, JSON.stringify(generateTemplate(size), null, 1));
    }
    const t2000 = files[2_000] as string;
    const bin = join(root, 'bin', 'infra-copilot.js');
    // The first run builds the bundle when a source changed: not what a fresh install's CI pays.
    spawnSync(process.execPath, [bin, 'check', t2000, '--format', 'json', '--output', devNull], {
      cwd: root,
    });
    const ours = wholeProcess(
      process.execPath,
      [bin, 'check', t2000, '--format', 'json', '--output', devNull],
      [0, 1],
    );
    const cdkNagInstalled = existsSync(join(peers, 'node_modules', 'cdk-nag'));
    const runner = join(dir, 'cdk-nag-check.cjs');
    writeFileSync(runner, CDK_NAG_RUNNER);
    process.env.PEERS = peers;
    const cdkNag = cdkNagInstalled ? wholeProcess(process.execPath, [runner, t2000], [0]) : undefined;
    const cfnLintInstalled = spawnSync('cfn-lint', ['--version'], { encoding: 'utf8' }).status === 0;
    const cfnLint = cfnLintInstalled
      ? wholeProcess('cfn-lint', [t2000], [0, 2, 4, 6, 8, 10, 12, 14])
      : undefined;
    const validateCommand = process.env.CFN_VALIDATE ?? 'cloudformation-validate';
    const validateInstalled = spawnSync(validateCommand, ['--help'], { encoding: 'utf8' }).status === 0;
    const validate = validateInstalled ? wholeProcess(validateCommand, [t2000], [0, 1, 2]) : undefined;

    // Warm, in process.
    const options = { context: { team: 'payments', environment: 'prod' } };
    const warm = (template: Record<string, unknown>) => {
      const start = performance.now();
      do evaluateTemplate(template, options);
      while (performance.now() - start < 1_500);
      const times: number[] = [];
      for (let i = 0; i < 7; i += 1) {
        const t = performance.now();
        evaluateTemplate(template, options);
        times.push(performance.now() - t);
      }
      return times.sort((a, b) => a - b)[3] ?? 0;
    };
    const ourWarm = warm(generateTemplate(2_000));
    const ourWarm10k = warm(generateTemplate(10_000));
    const cdkNagWarm = cdkNagInstalled
      ? warmChild(process.execPath, [runner, t2000, '3'], { PEERS: peers })
      : undefined;
    const script = join(dir, 'cfn-lint-warm.py');
    writeFileSync(script, CFN_LINT_WARM);
    const cfnLintWarm = cfnLintInstalled ? warmChild('python3', [script, t2000, '2']) : undefined;

    console.log(
      `peers from ${peers}; median of ${RUNS} runs (ours) or ${PEER_RUNS} (peers) per whole-process figure, CPU in brackets`,
    );
    console.log('2,000 resources     | whole process        | ours faster | warm in process | ours faster');
    const row = (name: string, whole: Timing | undefined, warmMs: number | undefined, self = false) =>
      console.log(
        [
          name.padEnd(19),
          ms(whole).padEnd(20),
          (self ? '' : ratio(whole?.wall, ours?.wall)).padStart(11),
          (warmMs === undefined ? (whole ? 'n/a' : '') : `${warmMs.toFixed(1)} ms`).padStart(15),
          (self ? '' : ratio(warmMs, ourWarm)).padStart(11),
        ].join(' | '),
      );
    row('infra-copilot check', ours, ourWarm, true);
    row('cdk-nag', cdkNag, cdkNagWarm);
    row('cfn-lint', cfnLint, cfnLintWarm);
    row('cfn-validate', validate, undefined);
    console.log(
      `ours warm: ${ourWarm.toFixed(1)} ms at 2,000 (${((ourWarm * 1000) / 2_000).toFixed(1)} µs/resource), ${ourWarm10k.toFixed(1)} ms at 10,000 (${((ourWarm10k * 1000) / 10_000).toFixed(1)} µs/resource)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
