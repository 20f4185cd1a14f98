import type { AccessMode } from '../../model/kinds.ts';
import { type CfnObject, type CfnValue, getAtt } from '../cfn.ts';
import type { ConnectionContext, ConnectionFamily } from '../connection-family.ts';
import { deadLetterQueue } from '../dead-letter-queue.ts';
import { deliveryTarget } from '../delivery-target.ts';
import { assumeRolePolicy, inlinePolicies, statement } from '../iam.ts';
import type { PolicyStatement } from '../kind-definition.ts';
import { TABLE_STREAM, TABLE_STREAM_READ_ACTIONS } from '../kinds/kv-table.ts';
import { QUEUE_CONSUME_ACTIONS } from '../kinds/queue.ts';
import { STREAM_READ_ACTIONS } from '../kinds/stream.ts';
import { logGroup } from '../log-group.ts';

/** Sources a pipe reads (a queue, a stream, a table's stream) and the non-compute targets it feeds. */
const PIPE_SOURCES: readonly string[] = ['queue', 'stream', 'kv_table'];
const PIPE_TARGETS: readonly string[] = ['workflow', 'event_bus', 'queue', 'topic'];

const TRIGGER: readonly AccessMode[] = ['trigger'];

/** The source's ARN, how the pipe reads it, and the read grant on that source only. */
function pipeSource(
  ctx: ConnectionContext,
  dlqArn: CfnValue,
): { arn: CfnValue; parameters: CfnObject; read: PolicyStatement } {
  const { from, logicalId, contributions } = ctx;
  const stream = {
    StartingPosition: 'LATEST',
    BatchSize: 100,
    MaximumRetryAttempts: 3,
    MaximumRecordAgeInSeconds: 86400,
    OnPartialBatchItemFailure: 'AUTOMATIC_BISECT',
    DeadLetterConfig: { Arn: dlqArn },
  };
  switch (from.definition.kind) {
    case 'queue': {
      const arn = getAtt(logicalId(from.id, 'queue'), 'Arn');
      return {
        arn,
        parameters: { SqsQueueParameters: { BatchSize: 10 } },
        read: statement(from.ref.sid('consume'), QUEUE_CONSUME_ACTIONS, [arn]),
      };
    }
    case 'stream': {
      const arn = getAtt(logicalId(from.id, 'stream'), 'Arn');
      return {
        arn,
        parameters: { KinesisStreamParameters: stream },
        read: statement(from.ref.sid('read'), STREAM_READ_ACTIONS, [arn]),
      };
    }
    default: {
      contributions.feature(from.id, TABLE_STREAM);
      const arn = getAtt(logicalId(from.id, 'table'), 'StreamArn');
      return {
        arn,
        parameters: { DynamoDBStreamParameters: stream },
        read: statement(from.ref.sid('read-stream'), TABLE_STREAM_READ_ACTIONS, [arn]),
      };
    }
  }
}

/** What the target needs to hear from the pipe (a FIFO group, a bus event's source and type). */
function targetParameters(ctx: ConnectionContext): Record<string, CfnValue> | null {
  const { from, to } = ctx;
  switch (to.definition.kind) {
    case 'workflow':
      return { StepFunctionStateMachineParameters: { InvocationType: 'FIRE_AND_FORGET' } };
    case 'event_bus':
      return {
        EventBridgeEventBusParameters: { Source: from.id, DetailType: `${from.definition.title} record` },
      };
    case 'queue':
      return to.params.fifo === true ? { SqsQueueParameters: { MessageGroupId: from.id } } : null;
    default:
      return null;
  }
}

/**
 * A source feeding a target that is not compute, through EventBridge Pipes: a queue, a Kinesis stream or a
 * DynamoDB table's stream into a workflow, an event bus, a queue or a topic. The pipe has a role of its own
 * (read the source, deliver to the target, write its log group, nothing else) and logs errors; records a
 * stream source cannot deliver after retries go to a dead-letter queue (a queue source has its own
 * redrive policy). A source triggering a function stays an event source mapping: see trigger.ts.
 */
export const pipe: ConnectionFamily = {
  name: 'pipe',
  modes(from, to) {
    return PIPE_SOURCES.includes(from.kind) && PIPE_TARGETS.includes(to.kind) ? TRIGGER : [];
  },
  apply(ctx) {
    const { from, to, contributions, logicalId } = ctx;
    const owner = from.id;
    const role = `pipe-${to.id}`;
    const roleId = logicalId(owner, `${role}-role`);
    const logGroupId = logicalId(owner, `${role}-log-group`);
    const dlqId = logicalId(owner, `${role}-dlq`);
    const source = pipeSource(ctx, getAtt(dlqId, 'Arn'));
    const destination = deliveryTarget(to);
    const statements: PolicyStatement[] = [
      source.read,
      ...destination.statements,
      statement('WriteLogs', ['logs:CreateLogStream', 'logs:PutLogEvents'], [getAtt(logGroupId, 'Arn')]),
    ];
    if (from.definition.kind !== 'queue') {
      const dlq = deadLetterQueue(dlqId);
      contributions.resource(owner, `${role}-dlq`, dlq.queue);
      contributions.resource(owner, `${role}-dlq-policy`, dlq.policy);
      statements.push(statement('DeadLetters', ['sqs:SendMessage'], [getAtt(dlqId, 'Arn')]));
    }
    contributions.resource(
      owner,
      `${role}-log-group`,
      logGroup(ctx, `/aws/vendedlogs/pipes/${ctx.name(`${owner}-${role}`)}`),
    );
    contributions.resource(owner, `${role}-role`, {
      Type: 'AWS::IAM::Role',
      Properties: {
        Description: `Pipe ${owner} → ${to.id}`,
        AssumeRolePolicyDocument: assumeRolePolicy('pipes.amazonaws.com', true),
        Policies: inlinePolicies('pipe', statements),
      },
    });
    const properties: Record<string, CfnValue> = {
      Name: ctx.name(`${owner}-${role}`, 64),
      Description: `${owner} → ${to.id}`,
      DesiredState: 'RUNNING',
      RoleArn: getAtt(roleId, 'Arn'),
      Source: source.arn,
      SourceParameters: source.parameters,
      Target: destination.arn,
      LogConfiguration: {
        Level: 'ERROR',
        CloudwatchLogsLogDestination: { LogGroupArn: getAtt(logGroupId, 'Arn') },
      },
    };
    const parameters = targetParameters(ctx);
    if (parameters) properties.TargetParameters = parameters;
    contributions.resource(owner, role, { Type: 'AWS::Pipes::Pipe', Properties: properties });
  },
};
