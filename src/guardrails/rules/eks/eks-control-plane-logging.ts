import { defineTemplateRule } from '../../rule.ts';
import { fail, PASS, unknown } from '../_support/check-result.ts';

const TYPES = ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'];

export default defineTemplateRule({
  id: 'eks-control-plane-logging',
  title: 'EKS clusters send every control plane log type to CloudWatch',
  severity: 'warning',
  rationale: 'Audit and authenticator logs are the only record of who did what through the Kubernetes API.',
  remediation: `Set Logging.ClusterLogging.EnabledTypes to ${TYPES.join(', ')}.`,
  references: ['CKV_AWS_37', 'AwsSolutions-EKS2'],
  resourceTypes: ['AWS::EKS::Cluster'],
  check: (cluster) => {
    const path = 'Logging.ClusterLogging.EnabledTypes';
    const n = cluster.length(path);
    if (!n.known) return unknown(path, n.reason);
    const enabled: string[] = [];
    for (let i = 0; i < (n.value ?? 0); i++) {
      const type = cluster.get(`${path}.${i}.Type`);
      if (!type.known) return unknown(`${path}.${i}.Type`, type.reason);
      if (typeof type.value === 'string') enabled.push(type.value);
    }
    const missing = TYPES.filter((t) => !enabled.includes(t));
    if (missing.length === 0) return PASS;
    return fail(
      path,
      `Control plane logs ${missing.join(', ')} are off; expected all of ${TYPES.join(', ')}`,
      enabled,
      TYPES,
    );
  },
});
