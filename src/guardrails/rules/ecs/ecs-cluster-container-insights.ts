import { defineTemplateRule } from '../../rule.ts';
import { fail, PASS, show, unknown } from '../_support/check-result.ts';
import { keyValue } from '../_support/key-value-list.ts';
import { setKeyValue } from '../_support/template-patch.ts';

const NAMES = { key: 'Name', value: 'Value' };

export default defineTemplateRule({
  id: 'ecs-cluster-container-insights',
  title: 'ECS clusters have Container Insights',
  severity: 'warning',
  rationale:
    'Container Insights gives per-service and per-task CPU, memory and restart metrics needed to see and alarm on unhealthy services.',
  remediation: 'Add ClusterSettings entry Name containerInsights with Value enabled (or enhanced).',
  references: ['CKV_AWS_65', 'AwsSolutions-ECS4'],
  resourceTypes: ['AWS::ECS::Cluster'],
  check: (cluster) => {
    const value = keyValue(cluster, 'ClusterSettings', 'containerInsights', NAMES);
    if (!value.known) return unknown(value.path ?? 'ClusterSettings', value.reason);
    if (value.value === 'enabled' || value.value === 'enhanced') return PASS;
    return fail(
      value.path ?? 'ClusterSettings',
      `Container Insights is off: containerInsights is ${show(value.value)}; expected "enabled"`,
      value.value,
      'enabled',
    );
  },
  fix: {
    description: 'enable Container Insights',
    safe: true,
    patch: (cluster) => setKeyValue(cluster, 'ClusterSettings', 'containerInsights', 'enabled', NAMES),
  },
});
