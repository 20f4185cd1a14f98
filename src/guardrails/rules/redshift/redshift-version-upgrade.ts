import { defineTemplateRule } from '../../rule.ts';
import { expectBool } from '../_support/check-result.ts';
import { setProperty } from '../_support/template-patch.ts';

export default defineTemplateRule({
  id: 'redshift-version-upgrade',
  title: 'Redshift clusters accept engine version upgrades',
  severity: 'warning',
  rationale:
    'With AllowVersionUpgrade false the cluster stays on its engine version and misses security fixes applied in maintenance windows.',
  remediation: 'Set AllowVersionUpgrade to true, or leave it unset (true is the default).',
  references: ['AwsSolutions-RS9'],
  resourceTypes: ['AWS::Redshift::Cluster'],
  check: (cluster) =>
    expectBool(cluster, 'AllowVersionUpgrade', true, 'Engine upgrades are refused', { absent: true }),
  fix: {
    description: 'allow engine version upgrades in the maintenance window',
    safe: true,
    patch: (cluster) => setProperty(cluster, 'AllowVersionUpgrade', true),
  },
});
