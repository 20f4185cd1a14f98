import { defineTemplateRule } from '../../rule.ts';
import { expectBool, PASS } from '../_support/check-result.ts';
import { standaloneInstance } from '../_support/rds-engine.ts';
import { setProperty, updateParams } from '../_support/template-patch.ts';

export default defineTemplateRule({
  id: 'rds-multi-az',
  title: 'RDS instances run in multiple availability zones',
  severity: 'warning',
  rationale:
    'A single-AZ instance is down for the length of an AZ outage or host failure, and maintenance causes longer interruptions.',
  remediation: 'Set MultiAZ to true (Aurora clusters: add a reader instance in another AZ).',
  references: ['CKV_AWS_157', 'AwsSolutions-RDS3'],
  resourceTypes: ['AWS::RDS::DBInstance'],
  check: (db) => {
    const applies = standaloneInstance(db);
    if (applies !== true) return applies === false ? PASS : applies;
    return expectBool(db, 'MultiAZ', true, 'The instance is single-AZ', { absent: false });
  },
  fix: {
    description: 'enable Multi-AZ (about doubles the instance cost)',
    safe: false,
    patch: (db) => setProperty(db, 'MultiAZ', true),
    operations: (db) => updateParams(db, { multi_az: true }),
  },
});
