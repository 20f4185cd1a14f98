import { defineTemplateRule } from '../../rule.ts';
import { expectAtLeast, PASS, read } from '../_support/check-result.ts';

export default defineTemplateRule({
  id: 'rds-aurora-mysql-backtrack',
  title: 'Aurora MySQL clusters can backtrack',
  severity: 'info',
  rationale:
    'Backtracking rewinds the cluster to a point in time in minutes, without restoring a new cluster, after a bad migration or delete.',
  remediation: 'Set BacktrackWindow (in seconds, up to 259200 = 72 hours) on the cluster.',
  references: ['AwsSolutions-RDS14'],
  resourceTypes: ['AWS::RDS::DBCluster'],
  check: (cluster) => {
    const engine = read(cluster, 'Engine');
    if ('result' in engine) return engine.result;
    if (engine.value !== 'aurora-mysql' && engine.value !== 'aurora') return PASS;
    return expectAtLeast(cluster, 'BacktrackWindow', 1, 'Backtracking is off', { absent: 0 });
  },
});
