import { describe, expect, it } from 'vitest';
import { play, shape } from './planner-conversation.ts';

describe('embedded planner on everyday phrasing', () => {
  it('reads the passive voice, with the object before or after the agent', () => {
    expect(shape(play('reports are saved in an S3 bucket by the worker')).links).toEqual([
      'worker>bucket:write',
    ]);
    expect(shape(play('a queue drained by a worker')).links).toEqual(['worker>queue:consume']);
    expect(
      shape(play('messages are sent to an SQS queue by the ECS service and handled by a Lambda')).links,
    ).toEqual(['container_service>queue:publish', 'queue>function:trigger']);
  });

  it('turns an event clause inside a sentence into a trigger, not a write', () => {
    expect(shape(play('a Lambda that runs whenever an object lands in an S3 bucket')).links).toEqual([
      'bucket>function:trigger',
    ]);
    expect(
      shape(play('a function that tags photos as they are uploaded to a bucket and saves tags in DynamoDB'))
        .links,
    ).toEqual(['bucket>function:trigger', 'function>kv_table:write']);
  });

  it('resolves "these events" to the channel they travel on and "that" to what was just added', () => {
    expect(
      shape(
        play('the order Lambda publishes events to an SNS topic, and these events trigger an audit Lambda'),
      ).links,
    ).toEqual(['function>topic:publish', 'topic>function:trigger']);
    expect(shape(play('an SQS queue', 'add a Lambda that consumes from that')).links).toEqual([
      'queue>function:trigger',
    ]);
  });

  it('never takes a schedule it added on its own for "it"', () => {
    const arch = play('run the billing state machine every hour. It calls a Lambda.');
    expect(shape(arch).links).toEqual(['cron>workflow:trigger', 'workflow>function:invoke']);
  });

  it('reads access written as an adjective', () => {
    expect(shape(play('the worker needs read-only access to the Postgres database')).links).toEqual([
      'worker>postgres:read',
    ]);
    expect(shape(play('a Lambda with read/write access to a DynamoDB table')).links).toEqual([
      'function>kv_table:readwrite',
    ]);
  });

  it('sends work for a worker through the queue named with it', () => {
    expect(shape(play('the Lambda dispatches jobs to a worker through an SQS queue')).links).toEqual([
      'function>queue:publish',
      'worker>queue:consume',
    ]);
  });

  it('restating how data is used replaces the earlier access, and "too" adds to it', () => {
    expect(
      shape(
        play('a worker that reads from a MySQL database', 'actually the worker only writes to the database'),
      ).links,
    ).toEqual(['worker>mysql:write']);
    expect(
      shape(play('a worker that reads from a MySQL database', 'the worker writes to the database too')).links,
    ).toEqual(['worker>mysql:readwrite']);
  });

  it('knows Slack abbreviations and a greeting before a request', () => {
    expect(shape(play('an fn that writes to a q')).links).toEqual(['function>queue:publish']);
    const arch = play('hey folks, payments team here, we need an S3 bucket in dev for the receipts');
    expect(arch.team).toBe('payments');
    expect(arch.environment).toBe('dev');
    expect(shape(arch).kinds).toEqual(['bucket']);
  });

  it('reads "a three-node Valkey cluster" as one cache of three nodes', () => {
    const arch = play('a three-node Valkey cluster');
    expect(arch.components).toHaveLength(1);
    expect(arch.components[0]?.params.nodes).toBe(3);
  });

  it('treats credentials and a static site’s own S3 and CloudFront as parts, not components', () => {
    expect(shape(play('a worker that reads the Redis password from Secrets Manager')).kinds).toEqual([
      'secret',
      'worker',
    ]);
    expect(shape(play('our docs as a static site on S3 and CloudFront')).kinds).toEqual(['static_site']);
  });

  it('routes work through the channel named with "via" or "through"', () => {
    expect(shape(play('the billing service alerts the audit Lambda via an SNS topic')).links).toEqual([
      'container_service>topic:publish',
      'topic>function:trigger',
    ]);
  });

  it('gives a verb after "both" every subject before it', () => {
    expect(shape(play('a Lambda and a worker, both writing to one S3 bucket')).links).toEqual([
      'function>bucket:write',
      'worker>bucket:write',
    ]);
  });

  it('reads "is the source for", wiring verbs and an unknown verb that moves data', () => {
    expect(shape(play('an SQS queue that is the source for a Lambda')).links).toEqual([
      'queue>function:trigger',
    ]);
    expect(shape(play('a worker and a MySQL database', 'hook the worker up to the database')).links).toEqual([
      'worker>mysql:readwrite',
    ]);
    expect(shape(play('a Kinesis stream', 'a Lambda batches them into an S3 bucket')).links).toEqual([
      'function>bucket:write',
      'stream>function:trigger',
    ]);
  });

  it('does not take the thing just named for the pronoun acting after it, and prefers code for "it ... sends"', () => {
    expect(
      shape(play('a Lambda that writes to a queue', 'plus a DynamoDB table it reads settings from')).links,
    ).toEqual(['function>kv_table:read', 'function>queue:publish']);
    expect(
      shape(play('a worker that caches pages in Redis. It also publishes to an SNS topic.')).links,
    ).toEqual(['worker>cache:readwrite', 'worker>topic:publish']);
  });
});
