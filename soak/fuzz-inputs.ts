/**
 * Seeded generators of what the soak sends: templates (valid, mutated, garbage, over-deep, oversized) and
 * chat messages (requests, questions, hostile text). The same seed gives the same run.
 */

/** mulberry32: a small seeded PRNG. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export type Rng = () => number;
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)] as T;

const RESOURCES: readonly ((name: string, rng: Rng) => Record<string, unknown>)[] = [
  () => ({ Type: 'AWS::S3::Bucket', Properties: { VersioningConfiguration: { Status: 'Enabled' } } }),
  (_, rng) => ({ Type: 'AWS::SQS::Queue', Properties: { VisibilityTimeout: Math.floor(rng() * 900) } }),
  (name) => ({
    Type: 'AWS::Lambda::Function',
    Properties: {
      Runtime: 'nodejs20.x',
      Handler: 'index.handler',
      Role: { 'Fn::GetAtt': [`${name}Role`, 'Arn'] },
    },
  }),
  (_, rng) => ({
    Type: 'AWS::EC2::SecurityGroup',
    Properties: {
      GroupDescription: 'soak',
      SecurityGroupIngress: [
        { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIp: rng() < 0.5 ? '0.0.0.0/0' : '10.0.0.0/8' },
      ],
    },
  }),
  () => ({
    Type: 'AWS::IAM::Role',
    Properties: {
      AssumeRolePolicyDocument: {
        Statement: [
          { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' },
        ],
      },
      Policies: [
        { PolicyName: 'p', PolicyDocument: { Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } },
      ],
    },
  }),
  (_, rng) => ({
    Type: 'AWS::DynamoDB::Table',
    Properties: { BillingMode: rng() < 0.5 ? 'PAY_PER_REQUEST' : 'PROVISIONED' },
  }),
];

function validTemplate(rng: Rng): Record<string, unknown> {
  const resources: Record<string, unknown> = {};
  const count = 1 + Math.floor(rng() * 10);
  for (let i = 0; i < count; i++) {
    const name = `R${i}`;
    resources[name] = pick(rng, RESOURCES)(name, rng);
  }
  return { AWSTemplateFormatVersion: '2010-09-09', Resources: resources };
}

function toYaml(value: unknown, indent = ''): string {
  if (Array.isArray(value))
    return value.map((v) => `\n${indent}- ${toYaml(v, `${indent}  `).trimStart()}`).join('');
  if (value && typeof value === 'object')
    return Object.entries(value)
      .map(
        ([k, v]) =>
          `\n${indent}${k}:${typeof v === 'object' && v !== null ? toYaml(v, `${indent}  `) : ` ${JSON.stringify(v)}`}`,
      )
      .join('');
  return JSON.stringify(value);
}

const NOISE = [
  '\u0000',
  '\ud800',
  '{',
  '[',
  ']',
  '}',
  '!Ref',
  '&a',
  '*a',
  ':',
  '- ',
  '"',
  "'",
  '\t',
  '\n',
  '#',
  '💥',
  '%',
];

function mutate(rng: Rng, text: string): string {
  let out = text;
  const edits = 1 + Math.floor(rng() * 5);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(rng() * out.length);
    const r = rng();
    if (r < 0.3) out = out.slice(0, at);
    else if (r < 0.7) out = out.slice(0, at) + pick(rng, NOISE) + out.slice(at);
    else out = out.slice(0, at) + out.slice(at + 1 + Math.floor(rng() * 20));
  }
  return out;
}

export type TemplateInput =
  | { kind: 'object' | 'yaml' | 'json' | 'mutated' | 'garbage'; template: unknown }
  | { kind: 'deep' | 'flood'; template: string };

/** The i-th template of a run: every 100th is 100,000 nested Fn::Join, every 150th a flood of values. */
export function templateInput(rng: Rng, i: number): TemplateInput {
  if (i % 100 === 99) return { kind: 'deep', template: '{"Fn::Join":["",['.repeat(100_000) };
  if (i % 150 === 149) return { kind: 'flood', template: `Resources: {}\nX: [${'1,'.repeat(400_000)}1]\n` };
  const template = validTemplate(rng);
  const r = rng();
  if (r < 0.25) return { kind: 'object', template };
  if (r < 0.5) return { kind: 'yaml', template: toYaml(template).trimStart() };
  if (r < 0.65) return { kind: 'json', template: JSON.stringify(template) };
  if (r < 0.9)
    return {
      kind: 'mutated',
      template: mutate(rng, rng() < 0.5 ? JSON.stringify(template) : toYaml(template)),
    };
  return {
    kind: 'garbage',
    template: Array.from({ length: 1 + Math.floor(rng() * 200) }, () => pick(rng, NOISE)).join(''),
  };
}

const REQUESTS = [
  'an SQS queue with a Lambda consumer, dev',
  'add a Postgres database for team payments',
  'make the database multi-AZ',
  'what does this cost?',
  'undo that',
  'drop the queue',
  'an API with two lambdas and a DynamoDB table',
  'add 3 lambdas',
  'a static site with a CDN',
  'why is the bucket versioned?',
];
const HOSTILE = [
  'a queue\u0000please',
  'a bucket \ud800',
  "'); drop table conversations; --",
  '<script>alert(1)</script> a bucket',
  'my password is hunter2hunter2, add a queue',
  'token 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 and a topic',
  'x'.repeat(4_100),
  '🙂'.repeat(300),
  '   ',
  '{"op":"delete_everything"}',
];

export function messageInput(rng: Rng): string {
  const r = rng();
  if (r < 0.6) return pick(rng, REQUESTS);
  if (r < 0.85) return pick(rng, HOSTILE);
  return mutate(rng, pick(rng, REQUESTS));
}
