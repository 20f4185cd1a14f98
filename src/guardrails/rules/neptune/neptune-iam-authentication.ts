import { defineTemplateRule } from '../../rule.ts';
import { expectBool } from '../_support/check-result.ts';
import { setProperty } from '../_support/template-patch.ts';

export default defineTemplateRule({
  id: 'neptune-iam-authentication',
  title: 'Neptune clusters authenticate requests with IAM',
  severity: 'warning',
  rationale:
    'Without IAM database authentication anyone who reaches the endpoint can query the graph; with it every request is signed and attributable.',
  remediation: 'Set IamAuthEnabled to true and grant neptune-db:* actions to the roles that query it.',
  references: ['AwsSolutions-N5'],
  resourceTypes: ['AWS::Neptune::DBCluster'],
  check: (cluster) =>
    expectBool(cluster, 'IamAuthEnabled', true, 'Requests are not authenticated', { absent: false }),
  fix: {
    description: 'require IAM authentication (clients must sign their requests)',
    safe: false,
    patch: (cluster) => setProperty(cluster, 'IamAuthEnabled', true),
  },
});
