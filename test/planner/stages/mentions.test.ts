import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/planner/embedded/analysis/analyze.ts';
import { findMentions } from '../../../src/planner/embedded/mentions/find-mentions.ts';

function mentions(text: string, ids: string[] = []) {
  const [sentence] = analyze(text).sentences;
  return findMentions(sentence!, ids).map((m) => ({
    type: m.type,
    kind: m.kind,
    text: m.text,
    evidence: m.evidence,
    ...(m.role.length ? { role: m.role.join('-') } : {}),
    ...(m.count ? { count: m.count } : {}),
    ...(m.feature ? { feature: m.feature } : {}),
  }));
}

describe('mentions stage', () => {
  it('joins a product name and its noun into one mention ("Amazon API Gateway REST API", "SQS queue")', () => {
    expect(mentions('one Amazon API Gateway REST API and an SQS queue')).toEqual([
      { type: 'component', kind: 'http_api', text: 'API Gateway REST API', evidence: 'brand', count: 1 },
      { type: 'component', kind: 'queue', text: 'SQS queue', evidence: 'brand' },
    ]);
  });

  it('reads a DynamoDB stream as part of the table and EventBridge Scheduler as a schedule', () => {
    expect(mentions('EventBridge Scheduler and the DynamoDB stream')).toEqual([
      { type: 'component', kind: 'cron', text: 'EventBridge Scheduler', evidence: 'brand' },
      { type: 'part', kind: 'kv_table', text: 'DynamoDB stream', evidence: 'brand', feature: 'stream' },
    ]);
  });

  it('knows things that are not components: other services, pipes, video streams, credentials', () => {
    const found = mentions(
      'Kinesis Video Streams, EventBridge Pipes, an Amazon Redshift database and the OpenSearch creds',
    );
    expect(found.map((m) => m.type)).toEqual(['other', 'other', 'other']);
    expect(found.every((m) => m.kind === null)).toBe(true);
  });

  it('tells generic words from kind nouns and brands', () => {
    expect(
      mentions('the checkout service and a Redis in-memory database').map((m) => [m.kind, m.evidence]),
    ).toEqual([
      ['container_service', 'generic'],
      ['cache', 'brand'],
    ]);
  });

  it('takes a qualifying word as a role and a leading kind noun as a qualifier ("worker Lambda")', () => {
    expect(mentions('the orders DynamoDB table and a worker Lambda')).toEqual([
      { type: 'component', kind: 'kv_table', text: 'DynamoDB table', evidence: 'brand', role: 'orders' },
      { type: 'component', kind: 'function', text: 'worker Lambda', evidence: 'brand', role: 'worker' },
    ]);
  });

  it('never takes a secret-looking word as a role', () => {
    expect(mentions('an AKIAIOSFODNN7EXAMPLE queue')[0]).not.toHaveProperty('role');
  });

  it('reads a number after a versioned product as its version, and a domain name as DNS', () => {
    const [sentence] = analyze('a MySQL 8.0 database behind api.example.com').sentences;
    const found = findMentions(sentence!, []);
    expect(found.map((m) => [m.kind, m.params])).toEqual([
      ['mysql', { engine_version: '8.0' }],
      ['dns', { domain_name: 'api.example.com' }],
    ]);
  });

  it('names an existing component by its id', () => {
    expect(mentions('make orders-db bigger', ['orders-db'])).toEqual([
      { type: 'id', kind: null, text: 'orders db', evidence: 'brand' },
    ]);
  });
});
