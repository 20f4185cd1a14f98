/**
 * `infra-copilot check` as CI runs it: the bin launcher, which runs the prebuilt check bundle (built by
 * `npm install`, rebuilt when a source changed) and must report exactly what the in-process command does.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/cli/commands/check.ts';

const root = join(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'check-bundle-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const template = join(dir, 'sam.yaml');
writeFileSync(
  template,
  [
    'Transform: AWS::Serverless-2016-10-31',
    'Resources:',
    '  Hello:',
    '    Type: AWS::Serverless::Function',
    '    Properties: { Runtime: python2.7, Handler: app.handler, CodeUri: s3://b/k.zip, Policies: [AdministratorAccess] }',
    '',
  ].join('\n'),
);

async function inProcess(args: string[]): Promise<string> {
  const stdout = new PassThrough();
  let out = '';
  stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  await runCheck({ args, stdout, stderr: new PassThrough() });
  return out;
}

describe('the check launcher', () => {
  it('runs the bundle and reports what the command reports in process', async () => {
    const args = [template, '--format', 'json', '--region', 'us-east-1'];
    const run = spawnSync(process.execPath, [join(root, 'bin', 'infra-copilot.js'), 'check', ...args], {
      encoding: 'utf8',
      cwd: root,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(existsSync(join(root, 'dist', 'bundle', 'cli', 'check.cjs'))).toBe(true);
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse(await inProcess(args)));
  });
});
