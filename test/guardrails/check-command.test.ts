import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
    // The wait handle is a resource no rule covers: said, as a skipped case, not passed in silence.
    expect(stdout).toMatch(
      /<testsuite name="[^"]*clean.json" tests="2" failures="0" errors="0" skipped="1">/,
    );
    expect(stdout).toContain(
      '<skipped message="not checked: 1 resource of type AWS::CloudFormation::WaitConditionHandle (1) (no rule covers them)"/>',
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

  it('reports files that fail to parse in SARIF (a result and a notification) and fills invocations', async () => {
    const broken = file('broken-for-sarif.yaml', 'Resources:\n  A:\n    Type: [unclosed\n');
    const { code, stdout } = await check([publicBucket, broken, '--format', 'sarif']);
    expect(code).toBe(2);
    const run = JSON.parse(stdout).runs[0];
    const parseError = run.results.find((r: { ruleId: string }) => r.ruleId === 'template-parse-error');
    expect(parseError).toMatchObject({
      level: 'error',
      locations: [{ physicalLocation: { artifactLocation: { uri: broken }, region: { startLine: 4 } } }],
    });
    expect(run.tool.driver.rules[parseError.ruleIndex].id).toBe('template-parse-error');
    expect(run.invocations).toEqual([
      expect.objectContaining({
        executionSuccessful: false,
        exitCode: 2,
        commandLine: expect.stringContaining('infra-copilot check'),
        startTimeUtc: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        toolExecutionNotifications: [
          expect.objectContaining({
            level: 'error',
            message: { text: expect.stringContaining('invalid template syntax') },
          }),
        ],
      }),
    ]);
  });

  it('says in SARIF and text which resources no rule covers', async () => {
    const sarif = JSON.parse((await check([clean, '--format', 'sarif'])).stdout).runs[0];
    expect(sarif.properties).toEqual({
      notChecked: 1,
      notCheckedTypes: { 'AWS::CloudFormation::WaitConditionHandle': 1 },
    });
    expect(sarif.invocations[0].toolExecutionNotifications[0].message.text).toMatch(
      /^not checked: 1 resource/,
    );
    expect((await check([clean, '--no-color'])).stdout).toContain(
      'not checked: 1 resource of type AWS::CloudFormation::WaitConditionHandle (1)',
    );
  });

  it('reports files that fail to parse in JUnit as errors', async () => {
    const broken = file('broken-for-junit.yaml', 'Resources:\n  A:\n    Type: [unclosed\n');
    const { stdout } = await check([clean, broken, '--format', 'junit']);
    expect(stdout).toMatch(
      /<testsuite name="[^"]*broken-for-junit.yaml" tests="1" failures="0" errors="1" skipped="0">/,
    );
    expect(stdout).toMatch(/<error type="parse" message="invalid template syntax[^"]*">/);
  });

  it('--soft-fail exits 0 with failing findings and unparsable files, but not on usage errors', async () => {
    const broken = file('broken-soft.yaml', 'Resources: [\n');
    expect((await check([publicBucket, broken, '--soft-fail'])).code).toBe(0);
    expect((await check([publicBucket, '--soft-fail', '--format', 'xml'])).code).toBe(2);
  });

  it('--skip-check and --check take rule ids or Checkov ids, and say when an id matches no rule', async () => {
    const ruleIds = async (args: string[]) =>
      new Set(
        JSON.parse((await check([publicBucket, '--format', 'json', ...args])).stdout).files[0].findings.map(
          (f: { ruleId: string }) => f.ruleId,
        ),
      );
    const all = await ruleIds([]);
    expect(all.has('s3-bucket-block-public-acls')).toBe(true);
    expect((await ruleIds(['--skip-check', 'CKV_AWS_53'])).has('s3-bucket-block-public-acls')).toBe(false);
    expect(
      (await ruleIds(['--skip-check', 's3-bucket-block-public-acls'])).has('s3-bucket-block-public-acls'),
    ).toBe(false);
    expect([...(await ruleIds(['--check', 's3-bucket-block-public-acls,CKV_AWS_999999']))]).toEqual([
      's3-bucket-block-public-acls',
    ]);
    const { stderr, code } = await check([
      publicBucket,
      '--check',
      's3-bucket-block-public-acls',
      '--skip-check',
      'CKV_TYPO_1',
    ]);
    expect(stderr).toContain('no rule has the id or reference "CKV_TYPO_1"');
    expect(code).toBe(1);
  });

  it('a baseline accepts today’s findings: the same template passes, a new finding still fails', async () => {
    const template = file('baselined.yaml', readFileSync(publicBucket, 'utf8'));
    const baselinePath = join(dir, 'accepted.baseline');
    expect((await check([template, '--create-baseline', baselinePath, '--soft-fail'])).code).toBe(0);
    const accepted = JSON.parse(readFileSync(baselinePath, 'utf8'));
    expect(accepted.findings).toContainEqual(
      expect.objectContaining({ file: template, ruleId: 's3-bucket-block-public-acls', resource: 'Site' }),
    );
    const again = await check([template, '--baseline', baselinePath, '--format', 'json']);
    expect(again.code).toBe(0);
    const report = JSON.parse(again.stdout);
    expect(report.files[0].findings).toEqual([]);
    expect(report.files[0].summary.baselined).toBe(accepted.findings.length);
    writeFileSync(
      template,
      `${readFileSync(template, 'utf8')}  Other:\n    Type: AWS::S3::Bucket\n    Properties:\n      PublicAccessBlockConfiguration:\n        BlockPublicAcls: false\n`,
    );
    const grown = await check([template, '--baseline', baselinePath, '--format', 'json']);
    expect(grown.code).toBe(1);
    const resources = new Set(
      JSON.parse(grown.stdout).files[0].findings.map((f: { resource: string }) => f.resource),
    );
    expect([...resources]).toEqual(['Other']);
    const bad = file('bad-baseline.json', '{"version": 2}');
    expect((await check([template, '--baseline', bad])).stderr).toContain('bad-baseline.json: version');
  });

  it('finds the templates in a directory itself, leaving other files and node_modules out', async () => {
    const project = mkdtempSync(join(dir, 'project-'));
    mkdirSync(join(project, 'infra', 'nested'), { recursive: true });
    mkdirSync(join(project, 'node_modules', 'pkg'), { recursive: true });
    writeFileSync(join(project, 'infra', 'nested', 'bucket.yaml'), readFileSync(publicBucket, 'utf8'));
    writeFileSync(join(project, 'infra', 'wait.json'), readFileSync(clean, 'utf8'));
    writeFileSync(join(project, 'package.json'), '{"name": "app", "version": "1.0.0"}');
    writeFileSync(join(project, 'node_modules', 'pkg', 'template.yaml'), readFileSync(publicBucket, 'utf8'));
    const { code, stdout, stderr } = await check([project, '--format', 'json']);
    expect(code).toBe(1);
    expect(JSON.parse(stdout).files.map((f: { file: string }) => f.file.slice(project.length))).toEqual([
      '/infra/nested/bucket.yaml',
      '/infra/wait.json',
    ]);
    expect(stderr).toContain('skipped 1 files that are not templates');
    // what a pre-commit hook passes: every staged file, templates or not
    const hook = await check([
      join(project, 'package.json'),
      join(project, 'infra', 'wait.json'),
      '--skip-non-templates',
    ]);
    expect(hook.code).toBe(0);
    expect(hook.stderr).toContain('package.json: skipped, not a template');
  });
});
