import { defineTemplateRule } from '../../rule.ts';
import { expectBool, PASS } from '../_support/check-result.ts';
import { standaloneInstance } from '../_support/rds-engine.ts';
import { setProperty } from '../_support/template-patch.ts';

export default defineTemplateRule({
  id: 'rds-deletion-protection',
  title: 'RDS instances and Aurora clusters have deletion protection',
  severity: 'warning',
  rationale:
    'Deletion protection stops a stack update, a stack delete or a console click from deleting the database.',
  remediation: 'Set DeletionProtection to true.',
  references: ['CKV_AWS_293', 'AwsSolutions-RDS10'],
  resourceTypes: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'],
  check: (db) => {
    const applies = standaloneInstance(db);
    if (applies !== true) return applies === false ? PASS : applies;
    return expectBool(db, 'DeletionProtection', true, 'Deletion protection is off', { absent: false });
  },
  fix: {
    description: 'enable deletion protection',
    safe: true,
    patch: (db) => setProperty(db, 'DeletionProtection', true),
  },
});
