import type { AccessMode } from '../../model/kinds.ts';
import { type CfnObject, type CfnValue, getAtt, ref, sub } from '../cfn.ts';
import type { ConnectionContext, ConnectionFamily } from '../connection-family.ts';
import { assumeRolePolicy, inlinePolicies, statement } from '../iam.ts';
import type { KindDefinition } from '../kind-definition.ts';
import { QUEUE_CONSUME_ACTIONS } from '../kinds/queue.ts';
import { STREAM_READ_ACTIONS } from '../kinds/stream.ts';
import { denyInsecureTransport } from '../tls-only.ts';

/**
 * Event sources and the targets each can deliver to: event source mappings (queue, stream, table stream →
 * function), subscriptions (topic), EventBridge rules (bus, bucket), EventBridge Scheduler (cron). A source
 * feeding a target that is not compute goes through a pipe (see pipe.ts).
 */
const SOURCES: Readonly<Record<string, readonly string[]>> = {
  queue: ['function'],
  stream: ['function'],
  kv_table: ['function'],
  topic: ['function', 'queue'],
  event_bus: ['function', 'queue', 'workflow', 'topic', 'stream', 'worker'],
  bucket: ['function', 'queue', 'workflow', 'event_bus'],
  cron: ['function', 'workflow', 'queue', 'topic', 'worker'],
};

const TRIGGER: readonly AccessMode[] = ['trigger'];

function lambdaPermission(
  ctx: ConnectionContext,
  owner: string,
  role: string,
  principal: string,
  sourceArn: CfnValue,
) {
  ctx.contributions.resource(owner, role, {
    Type: 'AWS::Lambda::Permission',
    Properties: {
      Action: 'lambda:InvokeFunction',
      FunctionName: getAtt(ctx.logicalId(ctx.to.id, 'function'), 'Arn'),
      Principal: principal,
      SourceArn: sourceArn,
      SourceAccount: ref('AWS::AccountId'),
    },
  });
}

function allowQueueDelivery(ctx: ConnectionContext, principal: string, sourceArn: CfnValue) {
  const statementObject: CfnObject = {
    Sid: `Allow${ctx.from.ref.sid('delivery')}`,
    Effect: 'Allow',
    Principal: { Service: principal },
    Action: 'sqs:SendMessage',
    Resource: getAtt(ctx.logicalId(ctx.to.id, 'queue'), 'Arn'),
    Condition: { ArnEquals: { 'aws:SourceArn': sourceArn } },
  };
  ctx.contributions.allow(ctx.to.id, statementObject);
}

/** An EventBridge rule (on a bus, or the default bus for S3 events) delivering to the target. */
function eventRule(ctx: ConnectionContext, busName: CfnValue | null, pattern: CfnObject) {
  const owner = ctx.from.id;
  const ruleRole = `rule-${ctx.to.id}`;
  const ruleId = ctx.logicalId(owner, ruleRole);
  const ruleArn = getAtt(ruleId, 'Arn');
  const dlq = ctx.logicalId(owner, 'events-dlq');
  if (!ctx.contributions.resources.some((r) => r.component === owner && r.role === 'events-dlq')) {
    ctx.contributions.resource(owner, 'events-dlq', {
      Type: 'AWS::SQS::Queue',
      Properties: { SqsManagedSseEnabled: true, MessageRetentionPeriod: 1209600 },
    });
    ctx.contributions.resource(owner, 'events-dlq-policy', {
      Type: 'AWS::SQS::QueuePolicy',
      Properties: {
        Queues: [ref(dlq)],
        PolicyDocument: {
          Version: '2012-10-17',
          Statement: [
            denyInsecureTransport('sqs', [getAtt(dlq, 'Arn')]),
            {
              Sid: 'AllowEventBridgeDeadLetters',
              Effect: 'Allow',
              Principal: { Service: 'events.amazonaws.com' },
              Action: 'sqs:SendMessage',
              Resource: getAtt(dlq, 'Arn'),
              Condition: {
                ArnLike: {
                  'aws:SourceArn': sub(
                    `arn:\${AWS::Partition}:events:\${AWS::Region}:\${AWS::AccountId}:rule/*`,
                  ),
                },
              },
            },
          ],
        },
      },
    });
  }
  const target: Record<string, CfnValue> = {
    Id: ctx.to.id,
    DeadLetterConfig: { Arn: getAtt(dlq, 'Arn') },
    RetryPolicy: { MaximumRetryAttempts: 8, MaximumEventAgeInSeconds: 86400 },
  };
  const toKind = ctx.to.definition.kind;
  if (toKind === 'function') {
    target.Arn = getAtt(ctx.logicalId(ctx.to.id, 'function'), 'Arn');
    lambdaPermission(ctx, owner, `${ruleRole}-permission`, 'events.amazonaws.com', ruleArn);
  } else if (toKind === 'queue') {
    target.Arn = getAtt(ctx.logicalId(ctx.to.id, 'queue'), 'Arn');
    allowQueueDelivery(ctx, 'events.amazonaws.com', ruleArn);
  } else {
    const stateMachine = ref(ctx.logicalId(ctx.to.id, 'state-machine'));
    target.Arn = stateMachine;
    target.RoleArn = getAtt(ctx.logicalId(owner, `${ruleRole}-role`), 'Arn');
    ctx.contributions.resource(owner, `${ruleRole}-role`, {
      Type: 'AWS::IAM::Role',
      Properties: {
        Description: `EventBridge rule ${owner} → ${ctx.to.id}`,
        AssumeRolePolicyDocument: assumeRolePolicy('events.amazonaws.com', true),
        Policies: inlinePolicies('start-execution', [
          statement(ctx.to.ref.sid('start-execution'), ['states:StartExecution'], [stateMachine]),
        ]),
      },
    });
  }
  const properties: Record<string, CfnValue> = {
    Description: `${owner} → ${ctx.to.id}`,
    EventPattern: pattern,
    State: 'ENABLED',
    Targets: [target],
  };
  if (busName !== null) properties.EventBusName = busName;
  ctx.contributions.resource(owner, ruleRole, { Type: 'AWS::Events::Rule', Properties: properties });
}

/**
 * An event source triggers a target: event source mappings (queue, stream → function), subscriptions
 * (topic → function, queue), rules (event bus, bucket → function, queue, workflow), schedules (cron), with
 * the invoke permission or resource-policy grant each needs.
 */
export const trigger: ConnectionFamily = {
  name: 'trigger',
  modes(from: KindDefinition, to: KindDefinition) {
    return SOURCES[from.kind]?.includes(to.kind) ? TRIGGER : [];
  },
  apply(ctx) {
    const { from, to, contributions, logicalId } = ctx;
    switch (from.definition.kind) {
      case 'queue': {
        const queueArn = getAtt(logicalId(from.id, 'queue'), 'Arn');
        contributions.grant(to.id, [statement(from.ref.sid('consume'), QUEUE_CONSUME_ACTIONS, [queueArn])]);
        contributions.resource(to.id, `source-${from.id}`, {
          Type: 'AWS::Lambda::EventSourceMapping',
          DependsOn: [logicalId(to.id, 'role')],
          Properties: {
            EventSourceArn: queueArn,
            FunctionName: ref(logicalId(to.id, 'function')),
            BatchSize: 10,
            FunctionResponseTypes: ['ReportBatchItemFailures'],
            Enabled: true,
          },
        });
        return;
      }
      case 'stream': {
        const streamArn = getAtt(logicalId(from.id, 'stream'), 'Arn');
        contributions.grant(to.id, [statement(from.ref.sid('read'), STREAM_READ_ACTIONS, [streamArn])]);
        contributions.resource(to.id, `source-${from.id}`, {
          Type: 'AWS::Lambda::EventSourceMapping',
          DependsOn: [logicalId(to.id, 'role')],
          Properties: {
            EventSourceArn: streamArn,
            FunctionName: ref(logicalId(to.id, 'function')),
            StartingPosition: 'LATEST',
            BatchSize: 100,
            MaximumRetryAttempts: 3,
            BisectBatchOnFunctionError: true,
            FunctionResponseTypes: ['ReportBatchItemFailures'],
            Enabled: true,
          },
        });
        return;
      }
      case 'topic': {
        const topicArn = ref(logicalId(from.id, 'topic'));
        if (to.definition.kind === 'function') {
          contributions.resource(to.id, `subscription-${from.id}`, {
            Type: 'AWS::SNS::Subscription',
            Properties: {
              Protocol: 'lambda',
              TopicArn: topicArn,
              Endpoint: getAtt(logicalId(to.id, 'function'), 'Arn'),
            },
          });
          lambdaPermission(ctx, to.id, `permission-${from.id}`, 'sns.amazonaws.com', topicArn);
        } else {
          contributions.resource(to.id, `subscription-${from.id}`, {
            Type: 'AWS::SNS::Subscription',
            Properties: {
              Protocol: 'sqs',
              TopicArn: topicArn,
              Endpoint: getAtt(logicalId(to.id, 'queue'), 'Arn'),
              RawMessageDelivery: true,
            },
          });
          allowQueueDelivery(ctx, 'sns.amazonaws.com', topicArn);
        }
        return;
      }
      case 'event_bus':
        eventRule(ctx, ref(logicalId(from.id, 'bus')), { source: [{ prefix: '' }] });
        return;
      case 'bucket':
        contributions.feature(from.id, 'eventbridge-notifications');
        eventRule(ctx, null, {
          source: ['aws.s3'],
          'detail-type': ['Object Created'],
          detail: { bucket: { name: [ref(logicalId(from.id, 'bucket'))] } },
        });
        return;
      case 'cron': {
        const isFunction = to.definition.kind === 'function';
        const targetArn = isFunction
          ? getAtt(logicalId(to.id, 'function'), 'Arn')
          : ref(logicalId(to.id, 'state-machine'));
        contributions.grant(from.id, [
          statement(
            to.ref.sid(isFunction ? 'invoke' : 'start-execution'),
            [isFunction ? 'lambda:InvokeFunction' : 'states:StartExecution'],
            [targetArn],
          ),
        ]);
        contributions.resource(from.id, `schedule-${to.id}`, {
          Type: 'AWS::Scheduler::Schedule',
          Properties: {
            Description: `${from.id} → ${to.id}`,
            GroupName: ref(logicalId(from.id, 'group')),
            ScheduleExpression: from.params.schedule as string,
            ScheduleExpressionTimezone: from.params.timezone as string,
            FlexibleTimeWindow: { Mode: 'OFF' },
            State: 'ENABLED',
            Target: {
              Arn: targetArn,
              RoleArn: getAtt(logicalId(from.id, 'role'), 'Arn'),
              RetryPolicy: { MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 3600 },
              DeadLetterConfig: { Arn: getAtt(logicalId(from.id, 'dlq'), 'Arn') },
            },
          },
        });
        return;
      }
    }
  },
};
