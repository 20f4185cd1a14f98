import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inProcessApiClient } from '../../src/cli/api-client.ts';
import { runDiff } from '../../src/cli/commands/diff.ts';
import { createTestApp, type TestApp, type TestUser } from '../support/test-app.ts';

const BEFORE = `Resources:
  Jobs:
    Type: AWS::SQS::Queue
    Properties:
      VisibilityTimeout: 30
  Archive:
    Type: AWS::S3::Bucket
`;
const AFTER = `Resources:
  Jobs:
    Type: AWS::SQS::Queue
    Properties:
      VisibilityTimeout: !Ref Timeout
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: nodejs20.x
Parameters:
  Timeout:
    Type: Number
    Default: 60
`;

let dir: string;
let t: TestApp;
let dev: TestUser;
let reviewer: TestUser;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'diff-cli-'));
  await writeFile(join(dir, 'before.yaml'), BEFORE);
  await writeFile(join(dir, 'after.yaml'), AFTER);
  await writeFile(join(dir, 'broken.yaml'), 'Resources:\n  X: [\n');
  t = await createTestApp();
  dev = await t.createUser({ roles: ['developer'], teams: ['payments'] });
  reviewer = await t.createUser({ roles: ['reviewer'] });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await t.close();
});

function capture() {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => {
    text += chunk.toString('utf8');
  });
  return { stream, text: () => text };
}

async function run(args: string[], token?: string) {
  const stdout = capture();
  const stderr = capture();
  const code = await runDiff({
    args,
    stdout: stdout.stream,
    stderr: stderr.stream,
    api: async () => inProcessApiClient(t.app, token),
  });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

describe('infra-copilot diff', () => {
  it('diffs two files as text', async () => {
    const res = await run([join(dir, 'before.yaml'), join(dir, 'after.yaml')]);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('Stack diff: 1 to add, 1 to change, 0 to replace, 1 to destroy');
    expect(res.stdout).toContain('[-] destroy AWS::S3::Bucket Archive (stateful)');
    expect(res.stdout).toContain('  [added] Timeout: (none) -> {"Type":"Number","Default":60}');
  });

  it('prints Markdown or the JSON model, and fails on differences with --fail', async () => {
    const md = await run([
      join(dir, 'before.yaml'),
      join(dir, 'after.yaml'),
      '--format',
      'markdown',
      '--fail',
    ]);
    expect(md.code).toBe(1);
    expect(md.stdout).toContain('| 🔴 destroy | `Archive` | AWS::S3::Bucket |  | yes |');
    const json = await run([
      join(dir, 'before.yaml'),
      join(dir, 'before.yaml'),
      '--format',
      'json',
      '--fail',
    ]);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({
      isEmpty: true,
      summaryLine: '0 to add, 0 to change, 0 to replace, 0 to destroy',
    });
  });

  it('names the file and line of a template it cannot parse', async () => {
    const res = await run([join(dir, 'before.yaml'), join(dir, 'broken.yaml')]);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/broken\.yaml:\d+:\d+: /);
  });

  it('explains bad usage', async () => {
    const one = await run([join(dir, 'before.yaml')]);
    expect(one.code).toBe(2);
    expect(one.stderr).toContain('expected two template files (before and after), got 1');
    const format = await run([join(dir, 'before.yaml'), join(dir, 'after.yaml'), '--format', 'html']);
    expect(format.stderr).toContain('--format: expected one of text, markdown, json, got "html"');
  });

  it('diffs a template against a stack baseline on the server', async () => {
    const imported = await t.app.inject({
      method: 'POST',
      url: '/v1/stacks/payments-jobs-dev/baseline/import',
      headers: reviewer.headers,
      payload: { template: BEFORE, team: 'payments', app: 'jobs', environment: 'dev' },
    });
    expect(imported.statusCode).toBe(201);
    const res = await run(['--stack', 'payments-jobs-dev', join(dir, 'after.yaml')], dev.token);
    expect(res.code).toBe(0);
    expect(res.stderr).toContain('against stored baseline v1 of payments-jobs-dev');
    expect(res.stdout).toContain('Stack diff: 1 to add, 1 to change, 0 to replace, 1 to destroy');
  });

  it('reports a refused request', async () => {
    const res = await run(['--stack', 'Bad_Name', join(dir, 'after.yaml')], dev.token);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('400 Invalid stack name');
  });
});
