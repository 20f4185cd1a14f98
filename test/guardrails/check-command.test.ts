import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/cli/commands/check.ts';

const dir = mkdtempSync(join(tmpdir(), 'check-command-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

async function check(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  stderr.on('data', (chunk: Buffer) => {
    err += chunk.toString();
  });
  const code = await runCheck({ args, stdout, stderr });
  return { code, stdout: out, stderr: err };
}

const publicBucket = file(
  'public-bucket.yaml',
  [
    'Resources:',
    '  Site:',
    '    Type: AWS::S3::Bucket',
    '    Properties:',
    '      PublicAccessBlockConfiguration:',
    '        BlockPublicAcls: false',
    '',
  ].join('\n'),
);
const clean = file(
  'clean.json',
  '{"Resources": {"Wait": {"Type": "AWS::CloudFormation::WaitConditionHandle"}}}',
);

describe('infra-copilot check', () => {
  it('exits 1 when an error finding fails, and names the rule, resource and line', async () => {
    const { code, stdout } = await check([publicBucket, '--no-color']);
    expect(code).toBe(1);
    expect(stdout).toContain('s3-bucket-block-public-acls');
    expect(stdout).toContain(`${publicBucket}:6:9`);
  });

  it('exits 0 when nothing blocks', async () => {
    const { code, stdout } = await check([clean]);
    expect(code).toBe(0);
    expect(stdout).toContain('0 errors');
  });

  it('exits 2 on usage errors and unreadable or unparsable files, with the location', async () => {
    expect((await check([])).code).toBe(2);
    expect((await check([clean, '--format', 'xml'])).stderr).toContain('--format: expected one of');
    expect((await check([join(dir, 'missing.yaml')])).stderr).toContain('ENOENT');
    const broken = file('broken.yaml', 'Resources:\n  A:\n    Type: [unclosed\n');
    const result = await check([broken]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      new RegExp(`${broken.replaceAll('\\', '\\\\')}:\\d+:\\d+: invalid template syntax`),
    );
  });

  it('writes SARIF 2.1.0 with rules, help, fingerprints and line regions', async () => {
    const { stdout } = await check([publicBucket, '--format', 'sarif']);
    const log = JSON.parse(stdout);
    expect(log.version).toBe('2.1.0');
    const run = log.runs[0];
    const rule = run.tool.driver.rules.find((r: { id: string }) => r.id === 's3-bucket-block-public-acls');
    expect(rule.help.text).toContain('Remediation:');
    expect(rule.properties.tags).toContain('CKV_AWS_53');
    const result = run.results.find((r: { ruleId: string }) => r.ruleId === 's3-bucket-block-public-acls');
    expect(result).toMatchObject({
      level: 'error',
      kind: 'fail',
      ruleIndex: run.tool.driver.rules.indexOf(rule),
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: publicBucket },
            region: { startLine: 6, startColumn: 9 },
          },
        },
      ],
    });
    expect(result.partialFingerprints['infraCopilotFinding/v1']).toMatch(/^[0-9a-f]{32}$/);
  });

  it('writes JUnit XML with a failure per failing finding', async () => {
    const { stdout } = await check([publicBucket, clean, '--format', 'junit']);
    expect(stdout).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>/);
    expect(stdout).toContain(`<testsuite name="${publicBucket}"`);
    expect(stdout).toMatch(
      /<testcase classname="[^"]+" name="s3-bucket-block-public-acls Site"><failure type="error"/,
    );
    expect(stdout).toMatch(
      /<testsuite name="[^"]*clean.json" tests="1" failures="0" errors="0" skipped="0">/,
    );
  });

  it('writes JSON with per-file findings, lines and totals, to a file with --output', async () => {
    const out = join(dir, 'report.json');
    expect((await check([publicBucket, clean, '--format', 'json', '--output', out])).code).toBe(1);
    const report = JSON.parse(readFileSync(out, 'utf8'));
    expect(report.files).toHaveLength(2);
    expect(
      report.files[0].findings.find((f: { ruleId: string }) => f.ruleId === 's3-bucket-block-public-acls'),
    ).toMatchObject({ line: 6 });
    expect(report.summary.errors).toBeGreaterThanOrEqual(1);
  });

  it('applies a policy directory and checks architecture files too', async () => {
    const policyDir = mkdtempSync(join(dir, 'policy-'));
    writeFileSync(
      join(policyDir, 'policy.yaml'),
      readFileSync(join(import.meta.dirname, '../../guardrails/org-policy.yaml'), 'utf8'),
    );
    const architecture = file(
      'arch.yaml',
      'name: shop\nteam: web\nenvironment: prod\nregion: us-east-1\ncomponents:\n  - { id: assets, kind: bucket, params: { public: true } }\nconnections: []\n',
    );
    const { code, stdout } = await check([architecture, '--policy', policyDir, '--format', 'json']);
    expect(
      JSON.parse(stdout).files[0].findings.some((f: { ruleId: string }) => f.ruleId === 'no-public-bucket'),
    ).toBe(true);
    expect(code).toBe(1);
  });
});
