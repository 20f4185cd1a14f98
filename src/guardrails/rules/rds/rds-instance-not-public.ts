import { defineTemplateRule } from '../../rule.ts';
import { expectBool } from '../_support/check-result.ts';
import { setProperty } from '../_support/template-patch.ts';

export default defineTemplateRule({
  id: 'rds-instance-not-public',
  title: 'RDS instances are not publicly accessible',
  severity: 'error',
  rationale:
    'A publicly accessible database gets a public DNS name and address, one security group rule away from the internet.',
  remediation:
    'Set PubliclyAccessible to false and reach the database from inside the VPC (or through a bastion / SSM).',
  references: ['CKV_AWS_17'],
  resourceTypes: ['AWS::RDS::DBInstance'],
  check: (db) =>
    expectBool(db, 'PubliclyAccessible', false, 'The database is publicly accessible', { absent: false }),
  fix: {
    description: 'make the instance private',
    safe: false,
    patch: (db) => setProperty(db, 'PubliclyAccessible', false),
  },
});
