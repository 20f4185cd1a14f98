import { defineTemplateRule } from '../../rule.ts';
import { eachItem, expectBool, fail } from '../_support/check-result.ts';

export default defineTemplateRule({
  id: 'dynamodb-global-table-point-in-time-recovery',
  title: 'DynamoDB global table replicas have point-in-time recovery',
  severity: 'error',
  rationale:
    'Each replica of a global table needs its own point-in-time recovery to restore after a bad write or delete.',
  remediation: 'Set PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled to true on every replica.',
  references: ['CKV_AWS_165'],
  resourceTypes: ['AWS::DynamoDB::GlobalTable'],
  check: (table) =>
    eachItem(
      table,
      'Replicas',
      (replica) =>
        expectBool(
          table,
          `${replica}.PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled`,
          true,
          'Point-in-time recovery is off for a replica',
          { absent: false },
        ),
      () =>
        fail(
          'Replicas',
          'The global table lists no Replicas; expected replicas with point-in-time recovery',
          undefined,
          'replicas',
        ),
    ),
});
