import { defineTemplateRule } from '../../rule.ts';
import { expectBool, PASS } from '../_support/check-result.ts';
import { standaloneInstance } from '../_support/rds-engine.ts';
import { setProperty } from '../_support/template-patch.ts';

export default defineTemplateRule({
  id: 'rds-iam-authentication',
  title: 'RDS DB instances accept IAM database authentication',
  severity: 'info',
  rationale:
    'IAM authentication replaces long-lived database passwords with short-lived tokens tied to roles.',
  remediation:
    'Set EnableIAMDatabaseAuthentication to true and grant rds-db:connect to the roles that connect.',
  references: ['CKV_AWS_161', 'AwsSolutions-RDS6'],
  resourceTypes: ['AWS::RDS::DBInstance'],
  check: (db) => {
    const applies = standaloneInstance(db);
    if (applies !== true) return applies === false ? PASS : applies;
    return expectBool(db, 'EnableIAMDatabaseAuthentication', true, 'IAM authentication is off', {
      absent: false,
    });
  },
  fix: {
    description: 'enable IAM database authentication',
    safe: true,
    patch: (db) => setProperty(db, 'EnableIAMDatabaseAuthentication', true),
  },
});
