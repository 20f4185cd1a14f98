import { defineTemplateRule } from '../../rule.ts';
import { expectBool } from '../_support/check-result.ts';
import { setProperty } from '../_support/template-patch.ts';

export default defineTemplateRule({
  id: 'dynamodb-deletion-protection',
  title: 'DynamoDB tables have deletion protection',
  severity: 'warning',
  rationale:
    'Deletion protection stops a stack update, a stack delete or a console click from deleting the table and its data.',
  remediation: 'Set DeletionProtectionEnabled to true.',
  references: [
    'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/WorkingWithTables.Basics.html#WorkingWithTables.Basics.DeletionProtection',
  ],
  resourceTypes: ['AWS::DynamoDB::Table'],
  check: (table) =>
    expectBool(table, 'DeletionProtectionEnabled', true, 'Deletion protection is off', { absent: false }),
  fix: {
    description: 'enable deletion protection',
    safe: true,
    patch: (table) => setProperty(table, 'DeletionProtectionEnabled', true),
  },
});
