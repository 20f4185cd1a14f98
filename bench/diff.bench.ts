/**
 * The stack diff on large templates: 500 resources (queues, buckets, roles with policies, security groups),
 * a tenth of them changed, some removed and added. Target: under 500 ms per diff after the resource spec is
 * loaded (the first call loads it once per process), rendering included.
 */
import { diffTemplates } from '../src/diff/diff-templates.ts';
import { renderDiffMarkdown } from '../src/diff/render-diff-markdown.ts';
import { renderDiffText } from '../src/diff/render-diff-text.ts';

function template(size: number, variant: number): Record<string, unknown> {
  const resources: Record<string, unknown> = {};
  for (let i = 0; i < size; i++) {
    const changed = variant > 0 && i % 10 === 0;
    if (variant > 0 && i % 50 === 1) continue;
    switch (i % 4) {
      case 0:
        resources[`Queue${i}`] = {
          Type: 'AWS::SQS::Queue',
          Properties: { VisibilityTimeout: changed ? 60 : 30 },
        };
        break;
      case 1:
        resources[`Bucket${i}`] = {
          Type: 'AWS::S3::Bucket',
          Properties: { BucketName: changed ? `b-${i}-new` : `b-${i}` },
        };
        break;
      case 2:
        resources[`Role${i}`] = {
          Type: 'AWS::IAM::Role',
          Properties: {
            AssumeRolePolicyDocument: {
              Statement: [
                { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' },
              ],
            },
            Policies: [
              {
                PolicyName: 'p',
                PolicyDocument: {
                  Statement: [
                    {
                      Effect: 'Allow',
                      Action: changed ? 'sqs:*' : 'sqs:SendMessage',
                      Resource: `arn:aws:sqs:::q${i}`,
                    },
                  ],
                },
              },
            ],
          },
        };
        break;
      default:
        resources[`Sg${i}`] = {
          Type: 'AWS::EC2::SecurityGroup',
          Properties: {
            GroupDescription: 'sg',
            SecurityGroupIngress: [
              { IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: changed ? '0.0.0.0/0' : '10.0.0.0/8' },
            ],
          },
        };
    }
  }
  if (variant > 0) resources.NewTopic = { Type: 'AWS::SNS::Topic', Properties: {} };
  return { Resources: resources };
}

export default async function bench(): Promise<void> {
  const before = template(500, 0);
  const after = template(500, 1);
  let t0 = performance.now();
  diffTemplates(before, after);
  console.log(`first diff (loads the resource spec): ${Math.round(performance.now() - t0)} ms`);
  const runs = 10;
  t0 = performance.now();
  let line = '';
  for (let i = 0; i < runs; i++) {
    const diff = diffTemplates(before, after, { costBefore: 1000, costAfter: 1200 });
    renderDiffText(diff, { unified: true });
    renderDiffMarkdown(diff);
    line = diff.summaryLine;
  }
  const perDiff = (performance.now() - t0) / runs;
  console.log(`500 resources, diff + text + markdown: ${perDiff.toFixed(1)} ms per diff (${line})`);
  console.log(`heap used: ${Math.round(process.memoryUsage().heapUsed / 2 ** 20)} MiB`);
}
