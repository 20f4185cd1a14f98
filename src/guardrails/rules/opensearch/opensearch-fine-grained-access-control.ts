import { defineTemplateRule } from '../../rule.ts';
import { expectBool } from '../_support/check-result.ts';

export default defineTemplateRule({
  id: 'opensearch-fine-grained-access-control',
  title: 'OpenSearch domains use fine-grained access control',
  severity: 'info',
  rationale:
    'Fine-grained access control gives index-, document- and field-level permissions and audit logs; without it any allowed principal can do anything.',
  remediation:
    'Set AdvancedSecurityOptions.Enabled to true (with InternalUserDatabaseEnabled or a MasterUserARN).',
  references: ['https://docs.aws.amazon.com/opensearch-service/latest/developerguide/fgac.html'],
  resourceTypes: ['AWS::OpenSearchService::Domain', 'AWS::Elasticsearch::Domain'],
  check: (domain) =>
    expectBool(domain, 'AdvancedSecurityOptions.Enabled', true, 'Fine-grained access control is off', {
      absent: false,
    }),
});
