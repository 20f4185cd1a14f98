import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Adjudication } from '../../conformance/adjudications.ts';
import { adjudicationKey } from '../../conformance/adjudications.ts';
import { agreementOf } from '../../conformance/agreement.ts';
import { checkovExpectations } from '../../conformance/checkov/checkov-expectations.ts';
import { readCheckovSuite } from '../../conformance/checkov/read-checkov-suite.ts';
import { CHECKOV_ID, citedRules } from '../../conformance/cited-rules.ts';
import type { Expectation } from '../../conformance/expectation.ts';
import { expectation } from '../../conformance/expectation.ts';
import { formatSuite, staleAdjudications } from '../../conformance/format-report.ts';
import { guardExpectations } from '../../conformance/guard/guard-expectations.ts';
import { readGuardSuite } from '../../conformance/guard/read-guard-suite.ts';
import { templateRules } from '../../conformance/our-verdicts.ts';

const root = mkdtempSync(join(tmpdir(), 'conformance-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function write(path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

const tests = 'checkov/tests/cloudformation/checks/resource/aws';
const checks = 'checkov/checkov/cloudformation/checks/resource/aws';
const bucket = (id: string, versioning?: string) =>
  `  ${id}:\n    Type: AWS::S3::Bucket\n${versioning ? `    Properties:\n      VersioningConfiguration: { Status: ${versioning} }\n` : ''}`;

// A made-up check module and three tests, one per fixture-path form Checkov's tests use.
write(`${checks}/BucketVersioning.py`, 'id = "CKV_AWS_21"\nsupported_resources = ["AWS::S3::Bucket"]\n');
const header = 'from checkov.cloudformation.checks.resource.aws.BucketVersioning import check\n';
write(
  `${tests}/test_Named.py`,
  `${header}def test_summary(self):\n    current_dir = os.path.dirname(os.path.realpath(__file__))\n    test_files_dir = current_dir + "/example_named"\n    passing_resources = {"AWS::S3::Bucket.On"}\n    failing_resources = {"AWS::S3::Bucket.Off", "AWS::S3::Bucket.Wrong"}\n`,
);
write(
  `${tests}/example_named/t.yaml`,
  `Resources:\n${bucket('On', 'Enabled')}${bucket('Off')}${bucket('Wrong', 'Enabled')}`,
);
write(
  `${tests}/test_Labelled.py`,
  `${header}def test_summary(self):\n    test_files_dir = os.path.join(current_dir, "example_labelled")\n    self.assertEqual(summary["passed"], 1)\n    self.assertEqual(summary["failed"], 1)\n`,
);
write(`${tests}/example_labelled/x-PASSED.yaml`, `Resources:\n${bucket('A', 'Enabled')}`);
write(`${tests}/example_labelled/x-FAILED.yaml`, `Resources:\n${bucket('B', 'Suspended')}`);
write(
  `${tests}/test_Counted.py`,
  `${header}def test_summary(self):\n    test_files_dir = Path(__file__).parent / "example_counted"\n    self.assertEqual(summary["passed"], 2)\n    self.assertEqual(summary["failed"], 1)\n`,
);
write(
  `${tests}/example_counted/all.yaml`,
  `Resources:\n${bucket('C', 'Enabled')}${bucket('D')}${bucket('E')}`,
);

// A SAM function is judged through what the transform makes of it (a Lambda function), on the SAM logical id.
write(
  `${checks}/LambdaEnvironmentCredentials.py`,
  'id = "CKV_AWS_45"\nsupported_resources = ["AWS::Lambda::Function", "AWS::Serverless::Function"]\n',
);
write(
  `${tests}/test_Sam.py`,
  'from checkov.cloudformation.checks.resource.aws.LambdaEnvironmentCredentials import check\ndef test_summary(self):\n    test_files_dir = Path(__file__).parent / "example_sam"\n    passing_resources = {"AWS::Serverless::Function.Clean"}\n    failing_resources = {"AWS::Serverless::Function.Leaky"}\n',
);
const samFunction = (id: string, env: string) =>
  `  ${id}:\n    Type: AWS::Serverless::Function\n    Properties:\n      Runtime: python3.12\n      Handler: app.handler\n      CodeUri: s3://bucket/code.zip\n      Environment: { Variables: { ${env} } }\n`;
write(
  `${tests}/example_sam/sam.yaml`,
  `Transform: AWS::Serverless-2016-10-31\nResources:\n${samFunction('Clean', 'TABLE: orders')}${samFunction('Leaky', 'DB_PASSWORD: hunter2hunter2')}`,
);

describe('the Checkov side of the conformance harness', () => {
  const cited = citedRules(templateRules(), (r) => CHECKOV_ID.test(r));
  const run = () => {
    const groups = readCheckovSuite(join(root, 'checkov'));
    return checkovExpectations(join(root, 'checkov'), groups, (id) => cited.get(id) ?? [], new Date());
  };

  it('reads the three fixture-path forms and the check id from the check module', () => {
    const groups = readCheckovSuite(join(root, 'checkov'));
    expect(groups.map((g) => [g.id, g.files.length]).sort()).toEqual([
      ['CKV_AWS_21', 1],
      ['CKV_AWS_21', 1],
      ['CKV_AWS_21', 2],
      ['CKV_AWS_45', 1],
    ]);
  });

  it('counts per resource where the test names them, per file label, and per file when it only counts', () => {
    const { expectations, problems } = run();
    expect(problems).toEqual([]);
    const disagreements = expectations
      .filter((e) => !e.agrees)
      .map((e) => `${e.subject} ${e.expected}`)
      .sort();
    // Wrong has versioning on but the made-up test expects a fail; the counted file has 1 pass, 2 fails.
    expect(disagreements).toEqual([
      '(counts: expected 2 passed, 1 failed; ours 1 passed, 2 failed) pass',
      'AWS::S3::Bucket.Wrong fail',
    ]);
    const { overall } = agreementOf(expectations, new Map());
    expect([overall.agreed, overall.total]).toEqual([8, 10]);
  });

  it('judges SAM resources through what the transform makes of them, on the SAM logical id', () => {
    const sam = run().expectations.filter((e) => e.id === 'CKV_AWS_45');
    expect(sam.map((e) => [e.subject, e.expected, e.ours])).toEqual([
      ['AWS::Serverless::Function.Clean', 'pass', 'pass'],
      ['AWS::Serverless::Function.Leaky', 'fail', 'fail'],
    ]);
  });
});

describe('the Guard side of the conformance harness', () => {
  write(
    'guard/rules/aws/s3/tests/versioning_tests.yml',
    [
      '- name: on, PASS',
      '  input: { Resources: { B: { Type: AWS::S3::Bucket, Properties: { VersioningConfiguration: { Status: Enabled } } } } }',
      '  expectations: { rules: { VERSIONING: PASS } }',
      '- name: off, FAIL',
      '  input: { Resources: { B: { Type: AWS::S3::Bucket, Properties: { BucketName: !Join ["-", [!Ref AWS::StackName, b]] } } } }',
      '  expectations: { rules: { VERSIONING: FAIL } }',
      '- name: suppressed',
      '  input: { Resources: { B: { Type: AWS::S3::Bucket, Metadata: { guard: { SuppressedRules: [VERSIONING] } } } } }',
      '  expectations: { rules: { VERSIONING: SKIP } }',
      '- name: invalid',
      '  input: { Resources: { B: { Type: AWS::S3::Bucket, Properties: { NoSuchProperty: 1 } } } }',
      '  expectations: { rules: { VERSIONING: FAIL } }',
      '- name: empty',
      '  input: {}',
      '  expectations: { rules: { VERSIONING: SKIP } }',
    ].join('\n'),
  );

  it('counts valid, unsuppressed expectations of mapped rules and says why the others are left out', () => {
    const rules = templateRules().filter((r) => r.id === 's3-bucket-versioning');
    const cases = readGuardSuite(join(root, 'guard'));
    const { expectations, excluded } = guardExpectations(
      cases,
      (name) => (name === 'VERSIONING' ? rules : []),
      new Date(),
    );
    expect(expectations.map((e) => [e.subject, e.expected, e.ours, e.agrees])).toEqual([
      ['on, PASS', 'pass', 'pass', true],
      ['off, FAIL', 'fail', 'fail', true],
    ]);
    expect(Object.fromEntries(excluded)).toEqual({
      suppressed: 1,
      'invalid CloudFormation': 1,
      'not a template': 1,
    });
  });
});

describe('the conformance report', () => {
  const e = (id: string, subject: string, agrees: boolean): Expectation =>
    expectation({
      suite: 'guard',
      id,
      fixture: 'f.yml',
      subject,
      expected: 'pass',
      ours: agrees ? 'pass' : 'fail',
    });
  const judgement = (subject: string): [string, Adjudication] => {
    const a: Adjudication = {
      suite: 'guard',
      id: 'A',
      fixture: 'f.yml',
      subject,
      right: 'ours',
      why: 'the facts, in our words',
    };
    return [adjudicationKey(a), a];
  };
  // 19 of 20 overall (0.95) but id B at 0 of 1.
  const expectations = [
    ...Array.from({ length: 19 }, (_, i) => e('A', `case ${i}`, true)),
    e('B', 'broken', false),
  ];

  it('says whether the target is met on every id or overall, as the suite defines it', () => {
    const judged = new Map<string, Adjudication>();
    expect(formatSuite('Guard', expectations, judged, 0.95, 'overall').met).toBe(true);
    const perId = formatSuite('Checkov', expectations, judged, 0.95, 'each id');
    expect(perId.met).toBe(false);
    expect(perId.text).toContain('target (every id at or above 0.95): not met');
    expect(perId.below).toEqual(['B']);
  });

  it('lists adjudications that match no disagreement any more, of the suites that ran', () => {
    const judged = new Map([judgement('case 3'), judgement('gone')]);
    const stale = staleAdjudications(judged, [...expectations, e('A', 'gone', false)], new Set(['guard']));
    expect(stale.map((a) => a.subject)).toEqual(['case 3']);
    expect(staleAdjudications(judged, expectations, new Set(['checkov']))).toEqual([]);
  });
});
