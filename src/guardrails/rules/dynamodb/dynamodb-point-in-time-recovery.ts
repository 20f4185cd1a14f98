import { defineTemplateRule } from '../../rule.ts';
import { expectBool } from '../_support/check-result.ts';
import { setProperty, updateParams } from '../_support/template-patch.ts';

export default defineTemplateRule({
  id: 'dynamodb-point-in-time-recovery',
  title: 'DynamoDB tables have point-in-time recovery',
  severity: 'error',
  rationale:
    'Point-in-time recovery restores a table to any second of the last 35 days after a bad write or delete; without it the data is gone.',
  remediation: 'Set PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled to true.',
  references: ['CKV_AWS_28', 'AwsSolutions-DDB3'],
  resourceTypes: ['AWS::DynamoDB::Table'],
  check: (table) =>
    expectBool(
      table,
      'PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled',
      true,
      'Point-in-time recovery is off',
      {
        absent: false,
      },
    ),
  fix: {
    description: 'enable point-in-time recovery',
    safe: true,
    patch: (table) => setProperty(table, 'PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled', true),
    operations: (table) => updateParams(table, { point_in_time_recovery: true }),
  },
});
