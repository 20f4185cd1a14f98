import { describe, expect, it } from 'vitest';
import { kinds, play } from '../planner-conversation.ts';

describe('entities stage', () => {
  it('merges every mention of one thing: a paragraph that names the Lambda four times has one Lambda', () => {
    const arch = play(
      'Create a Lambda function connected to a REST API. The Lambda function returns a greeting. ' +
        'This pattern deploys one Lambda function and one API Gateway REST API. The function logs each call.',
    );
    expect(kinds(arch)).toEqual(['function', 'http_api']);
  });

  it('keeps things apart when the text says so: counts, "another", roles, "each … its own"', () => {
    expect(kinds(play('two SQS queues and another queue for dead letters'))).toEqual([
      'queue',
      'queue',
      'queue',
    ]);
    expect(kinds(play('an orders table and a users table'))).toEqual(['kv_table', 'kv_table']);
    expect(kinds(play('three topics, each consumed by its own Lambda'))).toEqual([
      'function',
      'function',
      'function',
      'topic',
      'topic',
      'topic',
    ]);
  });

  it('creates nothing from a generic word without corroboration', () => {
    expect(kinds(play('we need a queue for the checkout service'))).toEqual(['queue']);
    expect(kinds(play('a Lambda sends events to downstream services'))).toEqual(['function']);
  });

  it('creates a generic thing when the text has it act or asks for it', () => {
    expect(kinds(play('the payments service needs a secret for the Stripe key'))).toEqual([
      'container_service',
      'secret',
    ]);
    expect(kinds(play('we need a database'))).toEqual(['postgres']);
  });

  it('refers to what exists instead of adding it again', () => {
    expect(kinds(play('a worker and a queue', 'the worker consumes the queue'))).toEqual(['queue', 'worker']);
    expect(kinds(play('a queue', 'add a queue'))).toEqual(['queue', 'queue']);
  });

  it('creates nothing from prose about services in general or from a part named by its plain noun', () => {
    expect(kinds(play('The state machine uses various AWS services and calls them in parallel.'))).toEqual([
      'workflow',
    ]);
    expect(kinds(play('Each stage of the workflow passes its output to the next stage.'))).toEqual([
      'workflow',
    ]);
  });

  it('reads an Aurora Serverless v2 "MySQL-Compatible Edition" as one MySQL database, v2 not an engine version', () => {
    const arch = play(
      'A Lambda function stores orders in Amazon Aurora Serverless v2 MySQL-Compatible Edition.',
    );
    expect(kinds(arch)).toEqual(['function', 'mysql']);
    expect(arch.components.find((c) => c.kind === 'mysql')?.params).toEqual({ flavor: 'aurora_serverless' });
  });

  it('gives each of two named things its own copy, linked one to one', () => {
    const arch = play('the billing worker and the refunds worker each get their own SQS queue');
    expect(kinds(arch)).toEqual(['queue', 'queue', 'worker', 'worker']);
    const pairs = arch.connections.map((c) => `${c.from}>${c.to}`).sort();
    expect(pairs).toHaveLength(2);
    expect(new Set(arch.connections.map((c) => c.from)).size).toBe(2);
    expect(new Set(arch.connections.map((c) => c.to)).size).toBe(2);
  });
});
