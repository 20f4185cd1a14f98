/**
 * Guardrail engine speed and memory: generated templates of 100, 500, 2,000 and 10,000 resources (a realistic
 * mix of types with intrinsics) against the full built-in pack. Prints cold time (first evaluation in a fresh
 * process, rule loading included), early time (median of the 2nd to 8th evaluation, while V8 is still
 * optimizing the built-in rules), warm time (median of several runs after WARM_UP_MS of evaluations: what a
 * long-running server sees), per-resource time (linearity) and heap/RSS. Target: under 50 ms warm for
 * 2,000 resources, linear growth.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SIZES = [100, 500, 2_000, 10_000];
const WARM_RUNS = 7;
/** Evaluation time per size before the warm runs: V8 optimizes a rule only after it has run a while. */
const WARM_UP_MS = 1_500;
const COLD_FLAG = '--guardrails-cold';

type Resource = Record<string, unknown>;

/** One "service" of a typical app: a handful of resources referring to each other. */
function serviceResources(i: number): [string, Resource][] {
  const n = String(i).padStart(5, '0');
  const component = { 'copilot:component': `svc-${n}` };
  const all: [string, Resource][] = [
    [
      `Bucket${n}`,
      {
        Type: 'AWS::S3::Bucket',
        Metadata: component,
        Properties: {
          BucketName: { 'Fn::Sub': `\${AWS::StackName}-data-${n}` },
          VersioningConfiguration: { Status: { 'Fn::If': ['IsProd', 'Enabled', 'Suspended'] } },
        },
      },
    ],
    [
      `BucketPolicy${n}`,
      {
        Type: 'AWS::S3::BucketPolicy',
        Properties: {
          Bucket: { Ref: `Bucket${n}` },
          PolicyDocument: {
            Statement: [
              {
                Effect: 'Deny',
                Principal: '*',
                Action: 's3:*',
                Resource: { 'Fn::Sub': `\${Bucket${n}.Arn}/*` },
                Condition: { Bool: { 'aws:SecureTransport': false } },
              },
            ],
          },
        },
      },
    ],
    [
      `Queue${n}`,
      {
        Type: 'AWS::SQS::Queue',
        Properties: { KmsMasterKeyId: { 'Fn::GetAtt': [`Key${n}`, 'Arn'] }, MessageRetentionPeriod: 345600 },
      },
    ],
    [
      `Key${n}`,
      {
        Type: 'AWS::KMS::Key',
        Properties: {
          EnableKeyRotation: true,
          KeyPolicy: {
            Statement: [
              {
                Effect: 'Allow',
                Principal: { AWS: { 'Fn::Sub': `arn:aws:iam::\${AWS::AccountId}:root` } },
                Action: 'kms:*',
                Resource: '*',
              },
            ],
          },
        },
      },
    ],
    [`Topic${n}`, { Type: 'AWS::SNS::Topic', Properties: { TopicName: `topic-${n}` } }],
    [
      `Role${n}`,
      {
        Type: 'AWS::IAM::Role',
        Properties: {
          AssumeRolePolicyDocument: {
            Statement: [
              { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' },
            ],
          },
          Policies: [
            {
              PolicyName: 'app',
              PolicyDocument: {
                Statement: [
                  {
                    Effect: 'Allow',
                    Action: ['sqs:SendMessage'],
                    Resource: { 'Fn::GetAtt': [`Queue${n}`, 'Arn'] },
                  },
                ],
              },
            },
          ],
        },
      },
    ],
    [
      `Function${n}`,
      {
        Type: 'AWS::Lambda::Function',
        Metadata: component,
        Properties: {
          Runtime: 'nodejs20.x',
          Handler: 'index.handler',
          Role: { 'Fn::GetAtt': [`Role${n}`, 'Arn'] },
          MemorySize: 512,
          Timeout: 30,
          Code: { ZipFile: 'exports.handler = async () => ({})' },
          Environment: { Variables: { QUEUE: { Ref: `Queue${n}` } } },
        },
      },
    ],
    [
      `Logs${n}`,
      {
        Type: 'AWS::Logs::LogGroup',
        Properties: {
          LogGroupName: { 'Fn::Sub': `/aws/lambda/\${Function${n}}` },
          RetentionInDays: { 'Fn::FindInMap': ['Retention', { Ref: 'Env' }, 'Days'] },
        },
      },
    ],
    [
      `Table${n}`,
      {
        Type: 'AWS::DynamoDB::Table',
        Properties: {
          BillingMode: 'PAY_PER_REQUEST',
          KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
          AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        },
      },
    ],
    [
      `Sg${n}`,
      {
        Type: 'AWS::EC2::SecurityGroup',
        Properties: {
          GroupDescription: 'app',
          VpcId: { 'Fn::ImportValue': 'shared-vpc' },
          SecurityGroupIngress: [
            { IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: '10.0.0.0/8' },
            { IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, SourceSecurityGroupId: { Ref: `Sg${n}` } },
          ],
        },
      },
    ],
  ];
  if (i % 5 === 0) {
    all.push([
      `Db${n}`,
      {
        Type: 'AWS::RDS::DBInstance',
        DeletionPolicy: 'Snapshot',
        Properties: {
          Engine: 'postgres',
          DBInstanceClass: { 'Fn::If': ['IsProd', 'db.r6g.large', 'db.t4g.micro'] },
          MultiAZ: { 'Fn::If': ['IsProd', true, false] },
          StorageEncrypted: true,
          AllocatedStorage: '20',
          MasterUsername: 'app',
          ManageMasterUserPassword: true,
          VPCSecurityGroups: [{ Ref: `Sg${n}` }],
        },
      },
    ]);
  }
  return all;
}

export function generateTemplate(resourceCount: number): Record<string, unknown> {
  const resources: Record<string, Resource> = {};
  let count = 0;
  for (let i = 0; count < resourceCount; i += 1) {
    for (const [id, resource] of serviceResources(i)) {
      if (count >= resourceCount) break;
      resources[id] = resource;
      count += 1;
    }
  }
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Parameters: { Env: { Type: 'String', Default: 'prod', AllowedValues: ['dev', 'prod'] } },
    Mappings: { Retention: { prod: { Days: 365 }, dev: { Days: 14 } } },
    Conditions: { IsProd: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] } },
    Resources: resources,
  };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Child-process mode: load the engine and evaluate once; report the time from process start. */
async function cold(size: number): Promise<void> {
  const start = performance.now();
  const template = generateTemplate(size);
  const generated = performance.now();
  const { evaluateTemplate } = await import('../src/guardrails/evaluate.ts');
  const loaded = performance.now();
  const evaluation = evaluateTemplate(template, { context: { team: 'payments', environment: 'prod' } });
  const done = performance.now();
  process.stdout.write(
    JSON.stringify({
      sinceProcessStart: done,
      loadRules: loaded - generated,
      firstEvaluation: done - loaded,
      generate: generated - start,
      findings: evaluation.findings.length,
    }),
  );
}

export default async function bench(): Promise<void> {
  const { evaluateTemplate } = await import('../src/guardrails/evaluate.ts');
  const { builtInRules } = await import('../src/guardrails/rules/index.ts');
  const self = fileURLToPath(import.meta.url);
  // The same dispatch with checks that only pass: what the engine itself costs (index, dispatch, results).
  const noop = builtInRules.map((rule) =>
    rule.level === 'template' ? { ...rule, check: () => ({ status: 'pass' as const }) } : rule,
  );
  const measure = (run: () => void): { wall: number; cpu: number } => {
    const walls: number[] = [];
    const cpus: number[] = [];
    for (let i = 0; i < WARM_RUNS; i += 1) {
      const c = process.cpuUsage();
      const t0 = performance.now();
      run();
      walls.push(performance.now() - t0);
      const d = process.cpuUsage(c);
      cpus.push((d.user + d.system) / 1000);
    }
    walls.sort((a, b) => a - b);
    cpus.sort((a, b) => a - b);
    const mid = Math.floor(WARM_RUNS / 2);
    return { wall: walls[mid] ?? 0, cpu: cpus[mid] ?? 0 };
  };
  /** Median after one warm-up run (the early figure). */
  const median = (run: () => void): { wall: number; cpu: number } => {
    run();
    return measure(run);
  };
  /** Median after WARM_UP_MS of runs (at least one). */
  const warmMedian = (run: () => void): { wall: number; cpu: number } => {
    const start = performance.now();
    do run();
    while (performance.now() - start < WARM_UP_MS);
    return measure(run);
  };
  console.log(
    `rules: ${builtInRules.length} built-in; ${WARM_RUNS} runs per figure (median; CPU ms in brackets); warm after ${WARM_UP_MS} ms of warm-up runs`,
  );
  console.log(
    'resources | cold total (load + 1st eval) | early (2nd-8th) | warm median (CPU) | per resource | engine only | findings | heap used | RSS',
  );
  for (const size of SIZES) {
    const child = spawnSync(process.execPath, ['--import', 'tsx', self, COLD_FLAG, String(size)], {
      encoding: 'utf8',
      cwd: fileURLToPath(new URL('..', import.meta.url)),
    });
    let coldText = 'n/a';
    try {
      const c = JSON.parse(child.stdout) as { loadRules: number; firstEvaluation: number };
      coldText = `${(c.loadRules + c.firstEvaluation).toFixed(0)} ms (${c.loadRules.toFixed(0)} + ${c.firstEvaluation.toFixed(0)})`;
    } catch {
      coldText = `failed: ${child.stderr.slice(0, 200)}`;
    }
    const template = generateTemplate(size);
    const options = { context: { team: 'payments', environment: 'prod' } };
    let findings = 0;
    const evaluate = () => {
      findings = evaluateTemplate(template, options).findings.length;
    };
    const early = median(evaluate);
    const full = warmMedian(evaluate);
    const engine = median(() => evaluateTemplate(template, { ...options, rules: noop }));
    const memory = process.memoryUsage();
    console.log(
      [
        String(size).padStart(9),
        coldText.padEnd(28),
        `${early.wall.toFixed(1)} ms (${early.cpu.toFixed(0)})`.padStart(15),
        `${full.wall.toFixed(1)} ms (${full.cpu.toFixed(0)})`.padStart(17),
        `${((full.wall * 1000) / size).toFixed(1)} µs`.padStart(12),
        `${engine.wall.toFixed(1)} ms`.padStart(11),
        String(findings).padStart(8),
        mb(memory.heapUsed).padStart(9),
        mb(memory.rss),
      ].join(' | '),
    );
  }
}

const coldIndex = process.argv.indexOf(COLD_FLAG);
if (coldIndex >= 0) await cold(Number(process.argv[coldIndex + 1] ?? 100));
