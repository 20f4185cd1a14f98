import { defineTemplateRule } from '../../rule.ts';
import { expectNoneOf } from '../_support/check-result.ts';

export default defineTemplateRule({
  id: 'docdb-tls',
  title: 'DocumentDB cluster parameter groups keep TLS on',
  severity: 'error',
  rationale:
    'With tls disabled, clients connect in clear text and send credentials and documents unencrypted.',
  remediation: 'Remove the tls parameter or set it to enabled (or tls1.2+).',
  references: ['CKV_AWS_90'],
  resourceTypes: ['AWS::DocDB::DBClusterParameterGroup'],
  check: (group) =>
    expectNoneOf(group, 'Parameters.tls', ['disabled'], 'Connections may be unencrypted', {
      absent: 'enabled',
    }),
});
