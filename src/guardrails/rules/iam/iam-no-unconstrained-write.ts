import { defineTemplateRule } from '../../rule.ts';
import { checkUnconstrainedActions, IDENTITY_POLICY_TYPES } from '../_support/policy-statements.ts';

const ACTIONS = [
  's3:PutObject',
  's3:DeleteObject',
  's3:DeleteBucket',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:DeleteTable',
  'sqs:SendMessage',
  'sqs:DeleteMessage',
  'sqs:DeleteQueue',
  'sns:Publish',
  'kinesis:PutRecord',
  'kinesis:PutRecords',
  'lambda:InvokeFunction',
  'lambda:DeleteFunction',
  'rds:DeleteDBInstance',
  'rds:DeleteDBCluster',
  'ec2:TerminateInstances',
  'logs:DeleteLogGroup',
  'ssm:PutParameter',
  'secretsmanager:PutSecretValue',
  'secretsmanager:DeleteSecret',
  'events:PutEvents',
  'states:StartExecution',
];

export default defineTemplateRule({
  id: 'iam-no-unconstrained-write',
  title: 'IAM policies do not allow write access without constraints',
  severity: 'warning',
  rationale:
    'Write and delete actions on any resource let a bug or a compromised principal change or destroy data the workload does not own.',
  remediation: 'Scope write actions to the ARNs of the resources the workload owns.',
  references: ['CKV_AWS_111'],
  resourceTypes: IDENTITY_POLICY_TYPES,
  check: (resource, { index }) =>
    checkUnconstrainedActions(resource, index, ACTIONS, 'Write access is unconstrained'),
});
