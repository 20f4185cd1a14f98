import { describe, expect, it } from 'vitest';
import type { Architecture } from '../../src/model/architecture.ts';
import { kinds, links, play } from './planner-conversation.ts';

function paramsOf(arch: Architecture, kind: string): Record<string, unknown> {
  return arch.components.find((c) => c.kind === kind)?.params ?? {};
}

describe('embedded planner: versions, brackets and domains', () => {
  it('reads a number after a versioned product as its version, not as a count', () => {
    const db = play('a Postgres 15 database read by a Lambda');
    expect(kinds(db)).toEqual(['function', 'postgres']);
    expect(paramsOf(db, 'postgres').engine_version).toBe('15');
    const cluster = play('an EKS 1.28 cluster with 5 nodes');
    expect(kinds(cluster)).toEqual(['k8s_cluster']);
    expect(paramsOf(cluster, 'k8s_cluster')).toMatchObject({ version: '1.28', nodes: 5 });
    const cache = play('Redis 6.2 for the sessions');
    expect(kinds(cache)).toEqual(['cache']);
    expect(paramsOf(cache, 'cache').engine_version).toBe('6.2');
  });

  it('reads "version N" next to a product, and a runtime with its version', () => {
    expect(paramsOf(play('a MySQL database on version 8.4'), 'mysql').engine_version).toBe('8.4');
    expect(paramsOf(play('a Node 20 Lambda'), 'function').runtime).toBe('nodejs20.x');
    expect(paramsOf(play('a python 3.12 function'), 'function').runtime).toBe('python3.12');
  });

  it('takes a brand or flavour in brackets after a generic noun as the same component', () => {
    const generic = play('a worker that writes to a db (mysql)');
    expect(kinds(generic)).toEqual(['mysql', 'worker']);
    expect(links(generic)).toEqual(['worker>mysql:write']);
    const flavour = play('a Postgres (Aurora) database');
    expect(kinds(flavour)).toEqual(['postgres']);
    expect(paramsOf(flavour, 'postgres').flavor).toBe('aurora');
  });
});

describe('embedded planner: taking a link away without removing a component', () => {
  it('drops only the link a negated verb names, keeping both components', () => {
    const arch = play(
      'a Lambda that reads a queue and writes to a Postgres db',
      'the Lambda must not write to the db any more',
    );
    expect(kinds(arch)).toEqual(['function', 'postgres', 'queue']);
    expect(links(arch)).toEqual(['queue>function:trigger']);
  });

  it('narrows a read-write link to the direction that is left', () => {
    expect(
      links(play('a worker that reads and writes a DynamoDB table', 'stop the worker writing to the table')),
    ).toEqual(['worker>kv_table:read']);
    expect(
      links(play('an ECS service using a bucket', "make the service's access to the bucket read-only")),
    ).toEqual(['container_service>bucket:read']);
  });

  it('cuts a link named as a noun, and reads "it" as the other component named', () => {
    expect(
      links(
        play(
          'a Lambda that publishes to an SNS topic and writes to S3',
          'sever the connection between the function and the topic',
        ),
      ),
    ).toEqual(['function>bucket:write']);
    expect(
      links(
        play(
          'a worker writing to a bucket and a table',
          "leave the table alone, but the worker doesn't write to it now",
        ),
      ),
    ).toEqual(['worker>bucket:write']);
  });

  it('still removes a component that is no longer needed, and plans the clause after it', () => {
    const arch = play(
      'a Redis cache and a worker that uses it',
      "we don't need the cache, the worker will query a Postgres db",
    );
    expect(kinds(arch)).toEqual(['postgres', 'worker']);
    expect(links(arch)).toEqual(['worker>postgres:read']);
    expect(kinds(play('a queue, a topic and a bucket', 'the topic is not needed, delete it'))).toEqual([
      'bucket',
      'queue',
    ]);
  });
});

describe('embedded planner: the search domain and two uses of one component', () => {
  it('reads "the domain" as the OpenSearch domain when there is no DNS zone', () => {
    const arch = play('a worker and an OpenSearch domain', 'the worker queries the domain');
    expect(kinds(arch)).toEqual(['search', 'worker']);
    expect(links(arch)).toEqual(['worker>search:read']);
  });

  it('reads a product word used as a verb as the verb ("searches the index")', () => {
    const arch = play('a Lambda and an OpenSearch domain', 'the Lambda searches the domain');
    expect(kinds(arch)).toEqual(['function', 'search']);
    expect(links(arch)).toEqual(['function>search:read']);
  });

  it('joins a read and a write of the same store in one message into one read-write link', () => {
    expect(links(play('a container service that loads from a bucket and saves to it'))).toEqual([
      'container_service>bucket:readwrite',
    ]);
  });
});

describe('embedded planner: one per item', () => {
  it('gives every item its own copy of the component, linked to that item only', () => {
    const arch = play('two streams, each with its own Lambda processing it');
    expect(kinds(arch)).toEqual(['function', 'function', 'stream', 'stream']);
    expect(links(arch)).toEqual(['stream>function:trigger', 'stream>function:trigger']);
    const ids = new Set(arch.connections.map((c) => c.to));
    expect(ids.size).toBe(2);
  });

  it('reads "one X per Y" over items named before', () => {
    const arch = play('three SQS queues', 'add one worker per queue');
    expect(kinds(arch)).toEqual(['queue', 'queue', 'queue', 'worker', 'worker', 'worker']);
    expect(links(arch)).toEqual(['worker>queue:consume', 'worker>queue:consume', 'worker>queue:consume']);
  });

  it('links one component to every item for "each"', () => {
    const arch = play('two DynamoDB tables', 'a Lambda writing to each table');
    expect(kinds(arch)).toEqual(['function', 'kv_table', 'kv_table']);
    expect(links(arch)).toEqual(['function>kv_table:write', 'function>kv_table:write']);
  });
});

describe('embedded planner: channels between, "they", bare attributes', () => {
  it('puts a channel "between" two pieces of code: the first sends, the second is fed', () => {
    expect(links(play('add an SNS topic between the orders service on ECS and a billing Lambda'))).toEqual([
      'container_service>topic:publish',
      'topic>function:trigger',
    ]);
    expect(links(play('a queue between a Fargate service and a worker'))).toEqual([
      'container_service>queue:publish',
      'worker>queue:consume',
    ]);
  });

  it('reads "they" in a new message as the several components of one kind named before', () => {
    expect(links(play('three workers and an S3 bucket', 'they all read from the bucket'))).toEqual([
      'worker>bucket:read',
      'worker>bucket:read',
      'worker>bucket:read',
    ]);
  });

  it('takes "provisioned" listed after a DynamoDB table as its billing mode', () => {
    expect(paramsOf(play('a DynamoDB table, provisioned'), 'kv_table').billing_mode).toBe('PROVISIONED');
  });
});

describe('embedded planner: a site at a domain', () => {
  it('reads "site" as a static site and gives it the hostname next to it', () => {
    const arch = play('blog.example.dev should serve the engineering blog site');
    expect(kinds(arch)).toEqual(['dns', 'static_site']);
    expect(links(arch)).toEqual(['dns>static_site:route']);
    expect(paramsOf(arch, 'dns').domain_name).toBe('blog.example.dev');
  });

  it('reads "the site on a static website" as one site', () => {
    expect(kinds(play('put the docs site on a static website'))).toEqual(['static_site']);
  });
});

describe('embedded planner: reached through a channel', () => {
  it('feeds the receiver from the channel when no sender is named', () => {
    expect(links(play('orders get to the packing worker via a queue'))).toEqual(['worker>queue:consume']);
    expect(links(play('alerts reach a Lambda through an SNS topic'))).toEqual(['topic>function:trigger']);
  });

  it('takes the sender from a clause after the channel, past its qualifier', () => {
    expect(
      links(play('jobs reach the resize worker through a queue that the intake Lambda publishes to')),
    ).toEqual(['function>queue:publish', 'worker>queue:consume']);
  });
});

describe('embedded planner: qualifiers that are not components', () => {
  it('reads "the API Lambda" as one function', () => {
    const arch = play('an API Lambda and a batch worker, both writing to a bucket');
    expect(kinds(arch)).toEqual(['bucket', 'function', 'worker']);
    expect(links(arch)).toEqual(['function>bucket:write', 'worker>bucket:write']);
  });

  it('absorbs "share" after EFS but keeps it a verb after workers', () => {
    expect(links(play('the worker mounts an EFS share and caches results in Redis'))).toEqual([
      'worker>cache:readwrite',
      'worker>file_system:readwrite',
    ]);
    expect(links(play('workers share files through EFS'))).toEqual(['worker>file_system:readwrite']);
  });
});

describe('embedded planner: clause subjects and a bare "in front"', () => {
  it('reads "it" opening a clause as the subject of the clause before', () => {
    expect(
      links(
        play(
          'a Lambda that writes results to DynamoDB, and it should be triggered by messages on an SQS queue',
        ),
      ),
    ).toEqual(['function>kv_table:write', 'queue>function:trigger']);
  });

  it('puts a front door "in front" of the code built so far', () => {
    expect(links(play('a Fargate service for the shop', 'a load balancer in front'))).toEqual([
      'load_balancer>container_service:route',
    ]);
  });
});

describe('embedded planner: a sender domain', () => {
  it('gives "the example.com domain" to SES rather than adding a DNS zone', () => {
    const arch = play('a worker that sends emails through SES from the shop.dev domain');
    expect(kinds(arch)).toEqual(['email', 'worker']);
    expect(paramsOf(arch, 'email').domain).toBe('shop.dev');
  });
});

describe('embedded planner: unknown verbs', () => {
  it('takes the purpose after the object ("for caching") over an unknown verb, and does not name the object after the verb', () => {
    const arch = play('the worker prefers Redis for caching');
    expect(links(arch)).toEqual(['worker>cache:readwrite']);
    expect(arch.components.map((c) => c.id).sort()).toEqual(['cache', 'worker']);
  });
});
