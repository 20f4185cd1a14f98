import type { CfnObject, CfnValue } from './cfn.ts';
import type { PolicyStatement } from './kind-definition.ts';

/** Trust policy letting one AWS service assume a role, limited to this account where the service allows. */
export function assumeRolePolicy(service: string, sourceAccountCondition = false): CfnObject {
  const statement: CfnObject = {
    Effect: 'Allow',
    Principal: { Service: service },
    Action: 'sts:AssumeRole',
  };
  if (sourceAccountCondition)
    statement.Condition = { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } };
  return { Version: '2012-10-17', Statement: [statement] };
}

/** The AWS partition of a region (literal ARNs keep templates checkable without deploy-time facts). */
export function partitionOf(region: string): string {
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  if (region.startsWith('cn-')) return 'aws-cn';
  return 'aws';
}

/** ARN of an AWS managed policy in the region's partition. */
export function managedPolicyArn(region: string, name: string): string {
  return `arn:${partitionOf(region)}:iam::aws:policy/${name}`;
}

function policyDocument(statements: readonly PolicyStatement[]): CfnObject {
  return { Version: '2012-10-17', Statement: statements.map((s) => ({ ...s }) as unknown as CfnObject) };
}

/** Inline policy list for a role; empty when there are no statements. */
export function inlinePolicies(name: string, statements: readonly PolicyStatement[]): CfnValue[] {
  if (statements.length === 0) return [];
  return [{ PolicyName: name, PolicyDocument: policyDocument(statements) }];
}

export function statement(
  sid: string,
  actions: string[],
  resources: CfnValue[],
  condition?: CfnObject,
): PolicyStatement {
  const out: PolicyStatement = {
    Sid: sid,
    Effect: 'Allow',
    Action: [...actions].sort(),
    Resource: resources,
  };
  if (condition) out.Condition = condition;
  return out;
}

/**
 * Actions AWS only authorises on `Resource: "*"` (no resource-level permissions). These are the only
 * wildcards the knowledge base writes; the IAM test fails on any other.
 */
export const WILDCARD_RESOURCE_ACTIONS: Readonly<Record<string, string>> = {
  'ecr:GetAuthorizationToken': 'ECR registry login token is account-wide; the action has no resource type.',
  'ec2:DescribeNetworkInterfaces': 'EC2 Describe* actions do not support resource-level permissions.',
  'ec2:CreateNetworkInterface':
    'Lambda and Firehose in a VPC create ENIs whose ids are unknown in advance (AWSLambdaVPCAccessExecutionRole uses *).',
  'ec2:DeleteNetworkInterface':
    'Lambda and Firehose in a VPC delete the ENIs they created, whose ids are unknown in advance.',
  'ec2:AssignPrivateIpAddresses': 'Lambda VPC networking on ENIs whose ids are unknown in advance.',
  'ec2:UnassignPrivateIpAddresses': 'Lambda VPC networking on ENIs whose ids are unknown in advance.',
  'ec2:DescribeSecurityGroups': 'EC2 Describe* actions do not support resource-level permissions.',
  'ec2:DescribeSubnets': 'EC2 Describe* actions do not support resource-level permissions.',
  'ec2:DescribeVpcAttribute': 'EC2 Describe* actions do not support resource-level permissions.',
  'ec2:DescribeVpcs': 'EC2 Describe* actions do not support resource-level permissions.',
  'xray:PutTraceSegments': 'X-Ray trace APIs have no resource type.',
  'xray:PutTelemetryRecords': 'X-Ray trace APIs have no resource type.',
  'logs:CreateLogDelivery':
    'CloudWatch Logs vended log delivery APIs have no resource type (Step Functions logging).',
  'logs:GetLogDelivery': 'CloudWatch Logs vended log delivery APIs have no resource type.',
  'logs:UpdateLogDelivery': 'CloudWatch Logs vended log delivery APIs have no resource type.',
  'logs:DeleteLogDelivery': 'CloudWatch Logs vended log delivery APIs have no resource type.',
  'logs:ListLogDeliveries': 'CloudWatch Logs vended log delivery APIs have no resource type.',
  'logs:PutResourcePolicy': 'CloudWatch Logs resource policies are account-level (Step Functions logging).',
  'logs:DescribeResourcePolicies': 'CloudWatch Logs resource policies are account-level.',
  'logs:DescribeLogGroups': 'Listing log groups is not scoped to a resource (Step Functions logging).',
};

/** Whole statements that must use wildcards, identified by resource type and Sid, with the reason. */
export const WILDCARD_STATEMENT_EXCEPTIONS: readonly { resourceType: string; sid: string; reason: string }[] =
  [
    {
      resourceType: 'AWS::KMS::Key',
      sid: 'EnableIamPolicies',
      reason:
        'The default KMS key policy: gives the account root kms:* so IAM policies can grant use of the key; in a key policy Resource "*" means this key only.',
    },
    {
      resourceType: 'AWS::KMS::Key',
      sid: 'AllowServicePublishers',
      reason:
        'Lets the services that publish to a topic with their own identity (EventBridge rules) encrypt with its key, from this account only; in a key policy Resource "*" means this key only.',
    },
  ];
