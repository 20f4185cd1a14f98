import { defineTemplateRule } from '../../rule.ts';
import { expectBool } from '../_support/check-result.ts';
import { setProperty } from '../_support/template-patch.ts';

export default defineTemplateRule({
  id: 'dms-replication-instance-auto-minor-upgrade',
  title: 'DMS replication instances take minor engine upgrades automatically',
  severity: 'info',
  rationale:
    'Minor versions carry security and bug fixes; an instance that refuses them keeps known problems.',
  remediation: 'Set AutoMinorVersionUpgrade to true, or leave it unset (true is the default).',
  references: ['https://docs.aws.amazon.com/securityhub/latest/userguide/dms-controls.html'],
  resourceTypes: ['AWS::DMS::ReplicationInstance'],
  check: (instance) =>
    expectBool(instance, 'AutoMinorVersionUpgrade', true, 'Minor upgrades are refused', { absent: true }),
  fix: {
    description: 'apply minor engine upgrades in the maintenance window',
    safe: true,
    patch: (instance) => setProperty(instance, 'AutoMinorVersionUpgrade', true),
  },
});
