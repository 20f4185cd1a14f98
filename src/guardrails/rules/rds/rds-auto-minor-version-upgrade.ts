import { defineTemplateRule } from '../../rule.ts';
import { expectBool } from '../_support/check-result.ts';
import { setProperty } from '../_support/template-patch.ts';

export default defineTemplateRule({
  id: 'rds-auto-minor-version-upgrade',
  title: 'RDS instances take minor engine upgrades automatically',
  severity: 'info',
  rationale:
    'Minor versions carry security fixes; turning automatic upgrades off leaves known vulnerabilities in place.',
  remediation: 'Remove AutoMinorVersionUpgrade or set it to true.',
  references: ['CKV_AWS_226'],
  resourceTypes: ['AWS::RDS::DBInstance'],
  check: (db) =>
    expectBool(db, 'AutoMinorVersionUpgrade', true, 'Minor version upgrades are off', { absent: true }),
  fix: {
    description: 'enable automatic minor version upgrades',
    safe: true,
    patch: (db) => setProperty(db, 'AutoMinorVersionUpgrade', true),
  },
});
