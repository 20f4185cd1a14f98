import { defineTemplateRule } from '../../rule.ts';
import { expectBool } from '../_support/check-result.ts';

export default defineTemplateRule({
  id: 'opensearch-audit-logs',
  title: 'OpenSearch domains publish audit logs',
  severity: 'info',
  rationale: 'Audit logs record who read and changed which index, which investigations and compliance need.',
  remediation:
    'Enable fine-grained access control and set LogPublishingOptions.AUDIT_LOGS with Enabled true.',
  references: ['CKV_AWS_317', 'https://docs.aws.amazon.com/opensearch-service/latest/developerguide/audit-logs.html'],
  resourceTypes: ['AWS::OpenSearchService::Domain', 'AWS::Elasticsearch::Domain'],
  check: (domain) =>
    expectBool(domain, 'LogPublishingOptions.AUDIT_LOGS.Enabled', true, 'Audit logs are off', {
      absent: false,
    }),
});
