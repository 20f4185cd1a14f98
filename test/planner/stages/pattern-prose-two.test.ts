import { describe, expect, it } from 'vitest';
import { kinds, links, play } from '../planner-conversation.ts';

/** More of the prose pattern write-ups use: headings, descriptions whose subject is not a component. */
describe('pattern descriptions: who does what', () => {
  it('reads the sentence after a "How it works:" heading, and the code described does what "each run" does', () => {
    const arch = play(
      'Amazon SQS to AWS Lambda to Amazon S3\n\nHow it works: a Lambda function is subscribed to the SQS queue. Every invocation gets a batch of messages and saves one object per message in the S3 bucket.',
    );
    expect(links(arch)).toEqual(['function>bucket:write', 'queue>function:trigger']);
  });

  it('does not let "this pattern" act as the code', () => {
    const arch = play(
      'Amazon SQS to AWS Step Functions\n\nThis pattern uses an EventBridge pipe to run a state machine for every message sent to an SQS queue.',
    );
    expect(links(arch)).toEqual(['queue>workflow:trigger']);
  });

  it('gives the verb after a passive to its subject, and picks the members of "two functions" by role', () => {
    const arch = play(
      'Connect two Lambda functions with an SQS queue. The sender function puts a message on the queue. The receiver function is invoked by the queue and writes each message to a DynamoDB table.',
    );
    expect(kinds(arch)).toEqual(['function', 'function', 'kv_table', 'queue']);
    expect(links(arch)).toEqual([
      'function>kv_table:write',
      'function>queue:publish',
      'queue>function:trigger',
    ]);
  });

  it('routes an event through the channel named with "using"', () => {
    const arch = play(
      'Run a Step Functions workflow when a file lands in an S3 bucket, using Amazon EventBridge.',
    );
    expect(links(arch)).toEqual(['bucket>event_bus:trigger', 'event_bus>workflow:trigger']);
  });

  it('reads calling a service "on the object" as reading the bucket', () => {
    const arch = play(
      'A photo uploaded to the S3 bucket triggers a Lambda function. The function calls Amazon Textract on the object and saves the text to a DynamoDB table.',
    );
    expect(links(arch)).toEqual([
      'bucket>function:trigger',
      'function>bucket:read',
      'function>kv_table:write',
    ]);
  });

  it('makes a Fargate service that only polls a queue a worker', () => {
    const arch = play(
      'An ECS service on Fargate long-polls an SQS queue and writes the results to an S3 bucket.',
    );
    expect(kinds(arch)).toEqual(['bucket', 'queue', 'worker']);
  });

  it('lets the doer use what it calls a service "with" ("with the cluster ARN and a secret")', () => {
    const arch = play(
      'A Lambda function calls the RDS Data API of an Aurora PostgreSQL cluster with the cluster ARN and a secret from AWS Secrets Manager.',
    );
    expect(links(arch)).toContain('function>secret:read');
  });

  it('builds a site from the private bucket and distribution the text names, not a third component', () => {
    const arch = play(
      'Serve a React app from a private S3 bucket through Amazon CloudFront. CloudFront reads the files from the bucket with Origin Access Control.',
    );
    expect(kinds(arch)).toEqual(['bucket', 'cdn']);
    expect(links(arch)).toEqual(['cdn>bucket:origin']);
  });

  it('takes "the Fargate tasks" as the Fargate service and widens "stores" plus "connects" to read-write', () => {
    const arch = play(
      'A load balancer forwards requests to a Fargate service. The service stores its state in a Postgres database. The Fargate tasks read the password from Secrets Manager and connect to the database.',
    );
    expect(kinds(arch)).toEqual(['container_service', 'load_balancer', 'postgres', 'secret']);
    expect(links(arch)).toEqual([
      'container_service>postgres:readwrite',
      'container_service>secret:read',
      'load_balancer>container_service:route',
    ]);
  });

  it("takes an API the code calls, named by the plain word, as someone else's", () => {
    expect(kinds(play("The workflow calls the payment provider's API and waits for a callback."))).toEqual([
      'workflow',
    ]);
    expect(kinds(play('A Step Functions workflow calls an API Gateway REST API.'))).toEqual([
      'http_api',
      'workflow',
    ]);
  });
});
