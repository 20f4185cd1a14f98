import { defineTemplateRule } from '../../rule.ts';
import { expectBool } from '../_support/check-result.ts';
import { setProperty } from '../_support/template-patch.ts';

export default defineTemplateRule({
  id: 'opensearch-node-to-node-encryption',
  title: 'OpenSearch domains encrypt traffic between nodes',
  severity: 'error',
  rationale: 'Without node-to-node encryption, documents and queries travel between nodes in clear text.',
  remediation: 'Set NodeToNodeEncryptionOptions.Enabled to true.',
  references: ['CKV_AWS_6', 'AwsSolutions-OS2'],
  resourceTypes: ['AWS::OpenSearchService::Domain', 'AWS::Elasticsearch::Domain'],
  check: (domain) =>
    expectBool(
      domain,
      'NodeToNodeEncryptionOptions.Enabled',
      true,
      'Traffic between nodes is not encrypted',
      { absent: false },
    ),
  fix: {
    description: 'encrypt node-to-node traffic (a blue/green update of the domain)',
    safe: false,
    patch: (domain) => setProperty(domain, 'NodeToNodeEncryptionOptions.Enabled', true),
  },
});
