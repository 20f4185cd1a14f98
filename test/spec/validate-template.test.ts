import { describe, expect, it } from 'vitest';
import { validateTemplate } from '../../src/spec/index.ts';

describe('validateTemplate', () => {
  it('reports unknown types, unknown and missing properties and wrong primitive types with paths', () => {
    const issues = validateTemplate({
      Resources: {
        Bucket: { Type: 'AWS::S3::Bucket', Properties: { Bogus: 1, Tags: 'team=payments' } },
        Thing: { Type: 'AWS::Nope::Thing' },
        Policy: { Type: 'AWS::SQS::QueuePolicy', Properties: {} },
        Fn: {
          Type: 'AWS::Lambda::Function',
          Properties: {
            Code: {},
            Role: 'arn:aws:iam::1:role/r',
            MemorySize: 'big',
            TracingConfig: { Mode: ['Active'] },
          },
        },
      },
    });
    expect(issues.map((i) => [i.code, i.logicalId, i.path])).toEqual([
      ['unknown-property', 'Bucket', '/Resources/Bucket/Properties/Bogus'],
      ['wrong-type', 'Bucket', '/Resources/Bucket/Properties/Tags'],
      ['wrong-type', 'Fn', '/Resources/Fn/Properties/MemorySize'],
      ['wrong-type', 'Fn', '/Resources/Fn/Properties/TracingConfig/Mode'],
      ['missing-required-property', 'Policy', '/Resources/Policy/Properties/PolicyDocument'],
      ['missing-required-property', 'Policy', '/Resources/Policy/Properties/Queues'],
      ['unknown-resource-type', 'Thing', '/Resources/Thing/Type'],
    ]);
    expect(issues.find((i) => i.logicalId === 'Fn' && i.path.endsWith('MemorySize'))?.message).toBe(
      'expected integer, got string',
    );
  });

  it('accepts booleans and numbers where a string is expected, as CloudFormation converts them', () => {
    expect(
      validateTemplate({
        Resources: {
          Lb: {
            Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
            Properties: {
              LoadBalancerAttributes: [
                { Key: 'deletion_protection.enabled', Value: true },
                { Key: 'idle_timeout.timeout_seconds', Value: 60 },
              ],
            },
          },
        },
      }),
    ).toEqual([]);
  });

  it('accepts intrinsics wherever a value is expected, and numbers written as strings', () => {
    expect(
      validateTemplate({
        Resources: {
          Fn: {
            Type: 'AWS::Lambda::Function',
            Properties: {
              Code: { S3Bucket: { Ref: 'Bucket' }, S3Key: 'k' },
              Role: { 'Fn::GetAtt': ['Role', 'Arn'] },
              MemorySize: '512',
              // biome-ignore lint/suspicious/noTemplateCurlyInString: CloudFormation Fn::Sub syntax
              Environment: { Variables: { A: { 'Fn::Sub': '${AWS::Region}' } } },
            },
          },
        },
      }),
    ).toEqual([]);
  });

  it('knows SAM resource types (the spec includes them)', () => {
    const sam = {
      Resources: { F: { Type: 'AWS::Serverless::Function', Properties: { CodeUri: '.', Bogus: 1 } } },
    };
    expect(validateTemplate(sam).map((i) => i.path)).toEqual(['/Resources/F/Properties/Bogus']);
  });

  it('skips custom resources and tolerates a template without resources', () => {
    expect(
      validateTemplate({ Resources: { C: { Type: 'Custom::Thing', Properties: { Anything: 1 } } } }),
    ).toEqual([]);
    expect(validateTemplate({})).toEqual([]);
  });
});
