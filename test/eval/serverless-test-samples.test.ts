import { describe, expect, it } from 'vitest';
import { EvalFileSchema } from '../../eval/case-schema.ts';
import { sampleReadmeText } from '../../eval/external/adapters/sample-readme-text.ts';
import { serverlessTestSamples } from '../../eval/external/adapters/serverless-test-samples.ts';
import { externalSource } from '../../eval/external/external-sources.ts';
import { fixtureTrees } from './fixture-tree.ts';

const tree = fixtureTrees();

const FENCE = '```';

/** A README as the samples write them: no level-1 heading, a table of contents, badges, commands, clean-up. */
const ORDERS_README = [
  '## Orders API &amp; table',
  '',
  '* [Description](#description)',
  '* [Cleanup](#cleanup)',
  '',
  '### Description',
  '',
  'An *HTTP API* sends each order to a `Lambda` function &rarr; it keeps orders in a <b>DynamoDB</b> table.',
  '',
  '> Important: you pay for what you deploy.',
  '',
  '![diagram](img/orders.png)',
  '',
  '## Prerequisites',
  '',
  'Install the SAM CLI.',
  '',
  '## Topology',
  '',
  FENCE,
  'sam deploy --guided',
  FENCE,
  '',
  '- The function reads and writes the table.',
  '',
  '[[top]](#orders-api)',
  '',
  '## Cleanup',
  '',
  'Delete the stack.',
].join('\n');

const ORDERS_TEMPLATE = `
Transform: AWS::Serverless-2016-10-31
Resources:
  Orders:
    Type: AWS::Serverless::Function
    Properties:
      Events: { Post: { Type: HttpApi, Properties: { Path: /orders, Method: post } } }
      Policies: [{ DynamoDBCrudPolicy: { TableName: !Ref Table } }]
  Table: { Type: AWS::Serverless::SimpleTable }
`;

const WORKER_TEMPLATE = `
Transform: AWS::Serverless-2016-10-31
Resources:
  Jobs: { Type: AWS::SQS::Queue }
  Worker:
    Type: AWS::Serverless::Function
    Properties:
      Events: { Next: { Type: SQS, Properties: { Queue: !GetAtt Jobs.Arn } } }
`;

const readme = (title: string, body: string) => `# ${title}\n\n## Introduction\n\n${body}\n`;

describe('sample README text', () => {
  it('keeps the title and the sections that say what the sample deploys, as plain prose', () => {
    expect(sampleReadmeText(ORDERS_README)).toBe(
      [
        'Orders API & table',
        'An HTTP API sends each order to a Lambda function → it keeps orders in a DynamoDB table.',
        'Important: you pay for what you deploy.',
        'The function reads and writes the table.',
      ].join('\n\n'),
    );
  });

  it('takes the level-1 heading as the title even when a smaller heading comes first', () => {
    const text = sampleReadmeText(
      '### Badges\n\nBuild passing.\n\n# Report mailer\n\n## Overview\n\nMails a report.',
    );
    expect(text).toBe('Report mailer\n\nMails a report.');
  });

  it('leaves an entity it does not know, or one out of range, as written', () => {
    expect(sampleReadmeText('# A &unknown; &#99999999; &#233;t&eacute;')).toBe(
      'A &unknown; &#99999999; ét&eacute;',
    );
  });
});

describe('serverless-test-samples adapter', () => {
  it('makes one case per sample, one language variant each, and counts what it skips', () => {
    const dir = tree({
      '_img/header.txt': 'not a sample folder',
      'dotnet-test-samples/img/author.txt': 'pictures, no README',
      'dotnet-test-samples/orders-api/README.md': ORDERS_README,
      'dotnet-test-samples/orders-api/src/template.yaml': ORDERS_TEMPLATE,
      'dotnet-test-samples/orders-api/src/Orders/serverless.template': '{"Resources": {}}',
      'dotnet-test-samples/queue-worker/README.md': readme('Queue worker', 'Written without a template.'),
      'dotnet-test-samples/reports/README.md': readme('Reports', 'Deployed with the CDK.'),
      'dotnet-test-samples/reports/cdk/cdk.json': '{"app": "npx ts-node bin/app.ts"}',
      'java-test-samples/orders-api/README.md': readme('Orders in Java', 'The same API.'),
      'java-test-samples/orders-api/template.yaml': ORDERS_TEMPLATE,
      'java-test-samples/queue-worker/README.md': readme('Queue worker', 'A function drains a queue.'),
      'java-test-samples/queue-worker/template.yaml': WORKER_TEMPLATE,
      'java-test-samples/plugins/README.md': readme('Plugins', 'Two plugins, deployed apart.'),
      'java-test-samples/plugins/one/template.yaml': WORKER_TEMPLATE,
      'java-test-samples/plugins/two/template.yaml': WORKER_TEMPLATE,
      'python-test-samples/queue-worker/README.md': readme('Queue worker', 'The Python variant.'),
      'python-test-samples/queue-worker/template.yaml': WORKER_TEMPLATE,
      'python-test-samples/network/README.md': readme('Network', 'Only a VPC.'),
      'python-test-samples/network/template.yaml': 'Resources:\n  Net: { Type: AWS::EC2::VPC }\n',
      'python-test-samples/broken/README.md': readme('Broken', 'A template that does not parse.'),
      'python-test-samples/broken/template.yaml': 'Resources: [',
      'python-test-samples/silent/README.md': `${FENCE}\nmake test\n${FENCE}\n`,
      'python-test-samples/silent/template.yaml': WORKER_TEMPLATE,
      'typescript-test-samples/edge/README.md': readme('Edge', 'Terraform only.'),
      'typescript-test-samples/network/README.md': readme('Network', 'A queue and its worker.'),
      'typescript-test-samples/network/template.yaml': WORKER_TEMPLATE,
      'typescript-test-samples/edge/main.tf': 'resource "aws_sqs_queue" "q" {}',
    });
    const set = serverlessTestSamples.load(dir);
    expect(EvalFileSchema.parse(set.cases)).toHaveLength(3);
    // The Python "network" yields nothing of our kinds, so the TypeScript one is the sample.
    expect(set.cases.map((c) => c.id)).toEqual([
      'sts-dotnet-orders-api',
      'sts-java-queue-worker',
      'sts-typescript-network',
    ]);
    expect(set.cases.slice(0, 2)).toEqual([
      {
        id: 'sts-dotnet-orders-api',
        tags: ['external', 'serverless-test-samples'],
        turns: [sampleReadmeText(ORDERS_README)],
        expect: {
          components: [
            { kind: 'function' },
            { kind: 'http_api', params: { flavor: 'http' } },
            { kind: 'kv_table' },
          ],
          connections: [
            { from: 'function', to: 'kv_table', access: 'readwrite' },
            { from: 'http_api', to: 'function', access: 'route' },
          ],
        },
      },
      {
        id: 'sts-java-queue-worker',
        tags: ['external', 'serverless-test-samples'],
        turns: ['Queue worker\n\nA function drains a queue.'],
        expect: {
          components: [{ kind: 'function' }, { kind: 'queue' }],
          connections: [{ from: 'queue', to: 'function', access: 'trigger' }],
        },
      },
    ]);
    expect(set.skipped).toEqual({
      'language variant of a sample already taken': 2,
      'no README': 1,
      'no SAM/CloudFormation template': 1,
      'no SAM/CloudFormation template (CDK or Terraform)': 2,
      'no text describing the sample': 1,
      'nothing of our kinds in the template': 1,
      'several templates at the shallowest level': 1,
      'unreadable template': 1,
    });
  });

  it('is one of the sets `npm run eval -- --external` knows', () => {
    expect(externalSource('serverless-test-samples')).toBe(serverlessTestSamples);
    expect(serverlessTestSamples.repo).toBe('aws-samples/serverless-test-samples');
  });
});
