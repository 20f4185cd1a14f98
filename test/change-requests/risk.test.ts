import { describe, expect, it } from 'vitest';
import { computeRisk } from '../../src/change-requests/risk/compute-risk.ts';
import { newExposures, publicExposures } from '../../src/change-requests/risk/public-exposures.ts';
import type { RiskInput } from '../../src/change-requests/risk/risk-types.ts';

const STATEFUL = new Set(['AWS::RDS::DBInstance', 'AWS::S3::Bucket', 'AWS::DynamoDB::Table']);

function input(overrides: Partial<RiskInput> = {}): RiskInput {
  return {
    changes: [],
    permissionsBroadened: false,
    before: null,
    after: { Resources: {} },
    costDeltaMonthlyUsd: 0,
    findings: [],
    isStateful: (type) => STATEFUL.has(type),
    ...overrides,
  };
}

describe('computeRisk', () => {
  it('is low with no reasons for a harmless change', () => {
    const risk = computeRisk(
      input({ changes: [{ logicalId: 'Queue', resourceType: 'AWS::SQS::Queue', action: 'create' }] }),
    );
    expect(risk).toEqual({ level: 'low', reasons: [] });
  });

  it('flags destroying and replacing stateful resources, not stateless ones', () => {
    const risk = computeRisk(
      input({
        changes: [
          { logicalId: 'OrdersDb', resourceType: 'AWS::RDS::DBInstance', action: 'replace' },
          { logicalId: 'Assets', resourceType: 'AWS::S3::Bucket', action: 'destroy' },
          { logicalId: 'Table', resourceType: 'AWS::DynamoDB::Table', action: 'may_replace' },
          { logicalId: 'Fn', resourceType: 'AWS::Lambda::Function', action: 'destroy' },
          { logicalId: 'Other', resourceType: 'AWS::DynamoDB::Table', action: 'update' },
        ],
      }),
    );
    expect(risk.level).toBe('high');
    expect(risk.reasons.map((r) => [r.code, r.resource])).toEqual([
      ['stateful-destroy', 'Assets'],
      ['stateful-replace', 'OrdersDb'],
      ['stateful-replace', 'Table'],
    ]);
    expect(risk.reasons[1]?.message).toContain('replaces OrdersDb');
    expect(risk.reasons[2]?.message).toContain('may replace Table');
  });

  it('flags broadened permissions', () => {
    const risk = computeRisk(input({ permissionsBroadened: true }));
    expect(risk.level).toBe('high');
    expect(risk.reasons.map((r) => r.code)).toEqual(['permissions-broadened']);
  });

  it('flags cost over the threshold only', () => {
    expect(computeRisk(input({ costDeltaMonthlyUsd: 499 }), { costThresholdUsd: 500 }).level).toBe('low');
    const risk = computeRisk(input({ costDeltaMonthlyUsd: 812.5 }), { costThresholdUsd: 500 });
    expect(risk.level).toBe('high');
    expect(risk.reasons[0]?.message).toBe(
      'raises the monthly cost by 812.50 USD/month, over the team threshold of 500.00 USD/month',
    );
    expect(computeRisk(input({ costDeltaMonthlyUsd: null })).level).toBe('low');
  });

  it('flags waived error findings, not waived warnings or failing ones', () => {
    const risk = computeRisk(
      input({
        findings: [
          {
            ruleId: 'rds-encryption',
            severity: 'error',
            status: 'waived',
            resource: 'Db',
            message: 'not encrypted',
          },
          { ruleId: 'tags', severity: 'warning', status: 'waived', message: 'missing tags' },
          { ruleId: 'x', severity: 'error', status: 'fail', message: 'x' },
        ],
      }),
    );
    expect(risk.reasons).toEqual([
      {
        code: 'waived-error-finding',
        resource: 'Db',
        message: 'relies on a waiver for error rule rds-encryption: not encrypted',
      },
    ]);
  });

  it('flags new internet exposure, not exposure that is already deployed', () => {
    const lb = { Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: {} };
    const before = { Resources: { Lb: lb } };
    const after = {
      Resources: {
        Lb: lb,
        Sg: {
          Type: 'AWS::EC2::SecurityGroup',
          Properties: { SecurityGroupIngress: [{ CidrIp: '0.0.0.0/0', FromPort: 22, ToPort: 22 }] },
        },
      },
    };
    const risk = computeRisk(input({ before, after }));
    expect(risk.reasons.map((r) => r.message)).toEqual([
      'new internet exposure: security group Sg allows inbound traffic from anywhere (0.0.0.0/0) on port 22',
    ]);
  });

  it('orders reasons deterministically whatever the input order', () => {
    const changes = [
      { logicalId: 'B', resourceType: 'AWS::S3::Bucket', action: 'destroy' },
      { logicalId: 'A', resourceType: 'AWS::S3::Bucket', action: 'destroy' },
    ];
    const one = computeRisk(input({ changes, permissionsBroadened: true }));
    const two = computeRisk(input({ changes: [...changes].reverse(), permissionsBroadened: true }));
    expect(one).toEqual(two);
    expect(one.reasons.map((r) => r.resource ?? '-')).toEqual(['-', 'A', 'B']);
  });
});

describe('publicExposures', () => {
  it('recognises public load balancers, distributions, APIs, buckets and policies', () => {
    const template = {
      Resources: {
        Internal: { Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: { Scheme: 'internal' } },
        Public: {
          Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
          Properties: { Scheme: 'internet-facing' },
        },
        Cdn: { Type: 'AWS::CloudFront::Distribution', Properties: {} },
        Api: { Type: 'AWS::ApiGatewayV2::Api', Properties: { ProtocolType: 'HTTP' } },
        Private: {
          Type: 'AWS::ApiGateway::RestApi',
          Properties: { EndpointConfiguration: { Types: ['PRIVATE'] } },
        },
        Closed: {
          Type: 'AWS::S3::Bucket',
          Properties: { PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true } },
        },
        Open: {
          Type: 'AWS::S3::Bucket',
          Properties: { PublicAccessBlockConfiguration: { BlockPublicPolicy: false } },
        },
        Policy: {
          Type: 'AWS::S3::BucketPolicy',
          Properties: {
            PolicyDocument: { Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject' }] },
          },
        },
        Ingress: {
          Type: 'AWS::EC2::SecurityGroupIngress',
          Properties: { CidrIpv6: '::/0', FromPort: 443, ToPort: 443 },
        },
      },
    };
    expect(publicExposures(template).map((e) => e.key)).toEqual([
      'api:Api',
      'bucket-policy:Policy',
      'bucket:Open',
      'cdn:Cdn',
      'ingress:Ingress:::/0:port 443',
      'lb:Public',
    ]);
  });

  it('detects a bucket made public by a change', () => {
    const before = { Resources: { B: { Type: 'AWS::S3::Bucket', Properties: {} } } };
    const after = {
      Resources: { B: { Type: 'AWS::S3::Bucket', Properties: { AccessControl: 'PublicRead' } } },
    };
    expect(newExposures(before, after).map((e) => e.message)).toEqual(['bucket B allows public access']);
    expect(newExposures(after, after)).toEqual([]);
  });
});
