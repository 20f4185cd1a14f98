import { type CfnValue, getAtt, ref } from '../cfn.ts';
import type { ConnectionContext } from '../connection-family.ts';
import { deadLetterQueue } from '../dead-letter-queue.ts';
import { statement } from '../iam.ts';
import { TABLE_STREAM, TABLE_STREAM_READ_ACTIONS } from '../kinds/kv-table.ts';
import { QUEUE_CONSUME_ACTIONS } from '../kinds/queue.ts';
import { STREAM_READ_ACTIONS } from '../kinds/stream.ts';

/**
 * A function polls a queue, a Kinesis stream or a DynamoDB table's stream through an event source mapping,
 * with the read grant on that source only. Stream records that keep failing (after retries, each failing
 * batch split in halves) are sent, as a pointer to the shard range, to a failure queue of the function's own.
 */
export function eventSourceMapping(ctx: ConnectionContext): void {
  const { from, to, contributions, logicalId } = ctx;
  const mapping = `source-${from.id}`;
  const properties: Record<string, CfnValue> = {
    FunctionName: ref(logicalId(to.id, 'function')),
    FunctionResponseTypes: ['ReportBatchItemFailures'],
    Enabled: true,
  };
  if (from.definition.kind === 'queue') {
    const queueArn = getAtt(logicalId(from.id, 'queue'), 'Arn');
    contributions.grant(to.id, [statement(from.ref.sid('consume'), QUEUE_CONSUME_ACTIONS, [queueArn])]);
    Object.assign(properties, { EventSourceArn: queueArn, BatchSize: 10 });
  } else {
    let sourceArn: CfnValue;
    if (from.definition.kind === 'stream') {
      sourceArn = getAtt(logicalId(from.id, 'stream'), 'Arn');
      contributions.grant(to.id, [statement(from.ref.sid('read'), STREAM_READ_ACTIONS, [sourceArn])]);
    } else {
      sourceArn = getAtt(logicalId(from.id, 'table'), 'StreamArn');
      contributions.feature(from.id, TABLE_STREAM);
      contributions.grant(to.id, [
        statement(from.ref.sid('read-stream'), TABLE_STREAM_READ_ACTIONS, [sourceArn]),
      ]);
    }
    const failuresRole = `${mapping}-failures`;
    const failures = logicalId(to.id, failuresRole);
    const dlq = deadLetterQueue(failures);
    contributions.resource(to.id, failuresRole, dlq.queue);
    contributions.resource(to.id, `${failuresRole}-policy`, dlq.policy);
    // Lambda sends the failure record with the function's role.
    contributions.grant(to.id, [
      statement(from.ref.sid('failures'), ['sqs:SendMessage'], [getAtt(failures, 'Arn')]),
    ]);
    Object.assign(properties, {
      EventSourceArn: sourceArn,
      StartingPosition: 'LATEST',
      BatchSize: 100,
      MaximumRetryAttempts: 3,
      MaximumRecordAgeInSeconds: 86400,
      BisectBatchOnFunctionError: true,
      DestinationConfig: { OnFailure: { Destination: getAtt(failures, 'Arn') } },
    });
  }
  contributions.resource(to.id, mapping, {
    Type: 'AWS::Lambda::EventSourceMapping',
    DependsOn: [logicalId(to.id, 'role')],
    Properties: properties,
  });
}
