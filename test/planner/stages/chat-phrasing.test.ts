import { describe, expect, it } from 'vitest';
import { kinds, links, play } from '../planner-conversation.ts';

/** Phrasings from chat: passives, light verbs, access nouns, lists of subjects and places. */
describe('chat phrasings', () => {
  it('builds what "set up" names, and gives a secret to the service that reads it', () => {
    expect(kinds(play('set up an Aurora Postgres cluster'))).toEqual(['postgres']);
    expect(
      links(play('an ECS service behind an ALB, and a secret for the Stripe key the service reads')),
    ).toEqual(['container_service>secret:read', 'load_balancer>container_service:route']);
  });

  it('reads a participle after a list of sizes, and passives done by someone named later', () => {
    expect(links(play('a worker, 1 vCPU / 2 GB, 2 replicas, draining the orders queue'))).toEqual([
      'worker>queue:consume',
    ]);
    expect(
      links(play('clicks are sent to a Kinesis stream by the web service (ECS) and processed by a Lambda')),
    ).toEqual(['container_service>stream:publish', 'stream>function:trigger']);
    expect(
      links(
        play(
          'OrderPlaced events are put on EventBridge by the shop service and picked up by a billing Lambda',
        ),
      ),
    ).toEqual(['container_service>event_bus:publish', 'event_bus>function:trigger']);
  });

  it('reads where things sit: "in front of" binds to the nearest, tasks behind a balancer serve', () => {
    expect(links(play('we want app.example.org on an ALB in front of an ECS service'))).toEqual([
      'dns>load_balancer:route',
      'load_balancer>container_service:route',
    ]);
    expect(links(play('a load balancer sits in front of the ECS tasks'))).toEqual([
      'load_balancer>container_service:route',
    ]);
    expect(
      links(play('docs.example.org should go to a CloudFront distribution in front of an S3 bucket')),
    ).toEqual(['cdn>bucket:origin', 'dns>cdn:route']);
  });

  it('reads access named as a noun, and what is needed "from" somewhere', () => {
    expect(links(play('give the billing Lambda write access to the invoices table'))).toEqual([
      'function>kv_table:write',
    ]);
    expect(links(play('the search worker has read access to an OpenSearch domain'))).toEqual([
      'worker>search:read',
    ]);
    expect(links(play('the sync worker needs the vendor token from Secrets Manager'))).toEqual([
      'worker>secret:read',
    ]);
  });

  it('ties an event to what a relative clause says the code does, and reads light verbs', () => {
    expect(
      links(
        play("a Lambda that resizes photos as they're uploaded to a bucket and saves them to another bucket"),
      ),
    ).toContain('bucket>function:trigger');
    expect(
      links(play('a Lambda that does lookups against a Redis cache before falling back to MySQL')),
    ).toEqual(['function>cache:read', 'function>mysql:read']);
  });

  it('routes a flow through the channel named, and shares one verb between listed subjects', () => {
    expect(links(play('orders flow from the cart Lambda to a payment Lambda through an SQS queue'))).toEqual([
      'function>queue:publish',
      'queue>function:trigger',
    ]);
    expect(
      links(
        play(
          'send audit events to an EventBridge bus from the api Lambda; a workflow and a queue both receive them',
        ),
      ),
    ).toEqual(['event_bus>queue:trigger', 'event_bus>workflow:trigger', 'function>event_bus:publish']);
  });

  it('reads "with a Lambda subscribed that forwards …" and "MySQL (Aurora) that the service reads and writes"', () => {
    expect(
      links(
        play(
          'an SNS topic for incidents, with a Lambda subscribed that forwards each incident by email via SES',
        ),
      ),
    ).toEqual(['function>email:publish', 'topic>function:trigger']);
    expect(
      links(play('Needs:\n- an ECS Fargate service\n- MySQL (Aurora) that the service reads and writes')),
    ).toEqual(['container_service>mysql:readwrite']);
  });
});
