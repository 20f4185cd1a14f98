import { describe, expect, it } from 'vitest';
import { links, play } from '../planner-conversation.ts';

describe('relations stage', () => {
  it('links a Lambda triggered by a queue to the table it writes to', () => {
    expect(links(play('We need a Lambda triggered by an SQS queue that writes to DynamoDB'))).toEqual([
      'function>kv_table:write',
      'queue>function:trigger',
    ]);
  });

  it('links two services with no code between them: direct integrations, bus targets, Firehose', () => {
    expect(
      links(
        play('Amazon API Gateway integrates directly with Amazon SQS; a Fargate worker drains the queue'),
      ),
    ).toEqual(['http_api>queue:route', 'worker>queue:consume']);
    expect(
      links(play('The S3 bucket publishes events to EventBridge, which routes them to an SNS topic')),
    ).toEqual(['bucket>event_bus:trigger', 'event_bus>topic:trigger']);
    expect(
      links(play('a Firehose delivery stream with a Kinesis stream as source and S3 as destination')),
    ).toEqual(['delivery_stream>bucket:write', 'stream>delivery_stream:trigger']);
    expect(links(play('SQS to Step Functions via EventBridge Pipes'))).toEqual(['queue>workflow:trigger']);
  });

  it('reads a DynamoDB stream as the table triggering the code that reads it', () => {
    expect(links(play('a Lambda that reads from the DynamoDB stream of the orders table'))).toEqual([
      'kv_table>function:trigger',
    ]);
  });

  it('reads passives, relatives, event clauses and channels', () => {
    expect(links(play('the queue is fed by an SNS topic and drained by a Lambda'))).toEqual([
      'queue>function:trigger',
      'topic>queue:trigger',
    ]);
    expect(
      links(
        play(
          'When an image lands in the uploads bucket, a Lambda resizes it and saves it into a second bucket.',
        ),
      ),
    ).toEqual(['bucket>function:trigger', 'function>bucket:write']);
    expect(links(play('the orders service on ECS notifies the ledger Lambda via an SNS topic'))).toEqual([
      'container_service>topic:publish',
      'topic>function:trigger',
    ]);
  });

  it('drops only the link a negated verb names', () => {
    expect(
      links(
        play(
          'an EventBridge bus that triggers a Lambda and feeds an SQS queue',
          'the bus should no longer trigger the Lambda',
        ),
      ),
    ).toEqual(['event_bus>queue:trigger']);
  });
});
