import { describe, expect, it } from 'vitest';
import { emptyArchitecture } from '../../../src/model/architecture.ts';
import { EmbeddedPlanner } from '../../../src/planner/embedded/embedded-planner.ts';
import { kinds, links, play } from '../planner-conversation.ts';

/** Prose that describes an architecture (a title, then how it works) rather than asking for one. */
describe('pattern descriptions', () => {
  it("takes a title's arrows for direction and the verbs after it for access", () => {
    const arch = play(
      'Kinesis to Lambda to DynamoDB\n\nA function consumes the stream and only inserts one row per record into the table.',
    );
    expect(links(arch)).toEqual(['function>kv_table:write', 'stream>function:trigger']);
  });

  it('reads "for uploading … to the bucket" as what the code needs to do', () => {
    const arch = play(
      'An HTTP API calls a Lambda function that generates a presigned URL for uploading a video to a private bucket.',
    );
    expect(links(arch)).toEqual(['function>bucket:write', 'http_api>function:route']);
  });

  it('does not take "the DynamoDB service integration" as one more link to the table', () => {
    const arch = play(
      'A state machine writes each claim to a DynamoDB table, using the DynamoDB SDK integration.',
    );
    expect(links(arch)).toEqual(['workflow>kv_table:write']);
  });

  it('does not write to a table because an address sits "in the item"', () => {
    const arch = play(
      'New rows on the DynamoDB stream invoke a Lambda function, which texts the phone number in the item through SNS.',
    );
    expect(links(arch)).not.toContain('function>kv_table:write');
  });

  it('takes "the two functions" as the two already named and "two queues" after a bare title as those', () => {
    const fns = play(
      'A producer Lambda puts events on an EventBridge bus and a rule invokes a consumer Lambda. The two functions never call each other.',
    );
    expect(kinds(fns)).toEqual(['event_bus', 'function', 'function']);
    const fanout = play('SNS to SQS\n\nA topic sends every message to three SQS queues.');
    expect(kinds(fanout)).toEqual(['queue', 'queue', 'queue', 'topic']);
  });

  it('reads "an email notification" as a topic when the text wires one, with no code in between', () => {
    const arch = play(
      'Get an email notification when a report is uploaded to a bucket. The bucket sends its events to EventBridge, and a rule forwards them to an SNS topic.',
    );
    expect(kinds(arch)).toEqual(['bucket', 'event_bus', 'topic']);
    expect(links(arch)).toEqual(['bucket>event_bus:trigger', 'event_bus>topic:trigger']);
  });

  it('reads a verb that describes code ("deletes items") as no removal', () => {
    const arch = play(
      'An HTTP API with a Lambda function that lists, updates and deletes rows in a DynamoDB table.',
    );
    expect(kinds(arch)).toEqual(['function', 'http_api', 'kv_table']);
    expect(links(arch)).toContain('function>kv_table:readwrite');
  });

  it('runs a scheduled task from the scheduler the text names, and "the task" is that task', () => {
    const arch = play(
      'Run an ECS task every Sunday at 3 AM with EventBridge Scheduler. The task copies the week’s rows from a MySQL database to an S3 bucket.',
    );
    expect(kinds(arch)).toEqual(['bucket', 'cron', 'mysql', 'worker']);
    expect(links(arch)).toEqual(['cron>worker:trigger', 'worker>bucket:write', 'worker>mysql:read']);
  });

  it('folds the bucket a Firehose stream backs up to into the stream, and says so', () => {
    const plan = new EmbeddedPlanner().planSync({
      architecture: emptyArchitecture(),
      message:
        'Click events written by a Lambda function go to an OpenSearch domain through a Firehose delivery stream, with failed events backed up to S3.',
    });
    const added = plan.operations.flatMap((op) => (op.op === 'add_component' ? [op.kind] : []));
    expect(added.sort()).toEqual(['delivery_stream', 'function', 'search']);
    expect(plan.notes.join(' ')).toMatch(/backup bucket of its own/);
  });

  it('puts RDS Proxy on a MySQL database and reads credentials "using … stored in Secrets Manager"', () => {
    const arch = play(
      'A Lambda function queries an RDS for MySQL database through RDS Proxy, using a password stored in Secrets Manager.',
    );
    expect(kinds(arch)).toEqual(['function', 'mysql', 'secret']);
    expect(links(arch)).toContain('function>secret:read');
  });

  it('keeps an EventBridge rule and the custom bus it sits on one bus, routing matching events', () => {
    const arch = play('An EventBridge rule routes matching events from a custom event bus to an SQS queue.');
    expect(kinds(arch)).toEqual(['event_bus', 'queue']);
    expect(links(arch)).toEqual(['event_bus>queue:trigger']);
  });
});
