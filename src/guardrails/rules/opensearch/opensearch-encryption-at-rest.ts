import { defineTemplateRule } from '../../rule.ts';
import { expectBool } from '../_support/check-result.ts';
import { setProperty } from '../_support/template-patch.ts';

export default defineTemplateRule({
  id: 'opensearch-encryption-at-rest',
  title: 'OpenSearch domains encrypt data at rest',
  severity: 'error',
  rationale: 'Indexes, snapshots and logs of an unencrypted domain are stored in clear text.',
  remediation: 'Set EncryptionAtRestOptions.Enabled to true (and KmsKeyId for a customer managed key).',
  references: ['CKV_AWS_5', 'AwsSolutions-OS8'],
  resourceTypes: ['AWS::OpenSearchService::Domain', 'AWS::Elasticsearch::Domain'],
  check: (domain) =>
    expectBool(domain, 'EncryptionAtRestOptions.Enabled', true, 'Data at rest is not encrypted', {
      absent: false,
    }),
  fix: {
    description: 'encrypt data at rest (a blue/green update of the domain)',
    safe: false,
    patch: (domain) => setProperty(domain, 'EncryptionAtRestOptions.Enabled', true),
  },
});
