import { getAtt, ref } from '../cfn.ts';
import { assumeRolePolicy, inlinePolicies, statement } from '../iam.ts';
import { denyInsecureTransport } from '../tls-only.ts';
import { defineKind } from '../kind-definition.ts';
import { param } from '../params.ts';

export default defineKind({
  kind: 'cron',
  title: 'Schedule',
  description:
    'An EventBridge Scheduler schedule group with a role allowed to invoke only its targets; each `trigger` connection to a function or workflow adds a schedule with retries and a dead-letter queue for failed invocations.',
  awsResources: [
    'AWS::Scheduler::Schedule',
    'AWS::Scheduler::ScheduleGroup',
    'AWS::IAM::Role',
    'AWS::SQS::Queue',
  ],
  network: 'never',
  compute: { workloadRole: 'role', canJoinVpc: false, usesData: false },
  params: [
    param({
      name: 'schedule',
      type: 'string',
      description: 'rate(...), cron(...) or at(...) expression.',
      default: 'rate(1 hour)',
      pattern: '^(rate|cron|at)\\(.+\\)$',
    }),
    param({
      name: 'timezone',
      type: 'string',
      description: 'IANA time zone of cron expressions.',
      default: 'UTC',
      pattern: '^[A-Za-z_]+(/[A-Za-z_+-]+)*$',
    }),
  ],
  expand(ctx) {
    const dlqArn = getAtt(ctx.logicalId('dlq'), 'Arn');
    return {
      group: { Type: 'AWS::Scheduler::ScheduleGroup', Properties: { Name: ctx.name() } },
      dlq: {
        Type: 'AWS::SQS::Queue',
        Properties: {
          QueueName: ctx.name('dlq', 80),
          SqsManagedSseEnabled: true,
          MessageRetentionPeriod: 1209600,
        },
      },
      'dlq-policy': {
        Type: 'AWS::SQS::QueuePolicy',
        Properties: {
          Queues: [ref(ctx.logicalId('dlq'))],
          PolicyDocument: { Version: '2012-10-17', Statement: [denyInsecureTransport('sqs', [dlqArn])] },
        },
      },
      role: {
        Type: 'AWS::IAM::Role',
        Properties: {
          Description: `Role of schedule ${ctx.id}`,
          AssumeRolePolicyDocument: assumeRolePolicy('scheduler.amazonaws.com', true),
          Policies: inlinePolicies('invoke-targets', [
            statement('DeadLetters', ['sqs:SendMessage'], [dlqArn]),
            ...ctx.inbound.statements,
          ]),
        },
      },
    };
  },
});
