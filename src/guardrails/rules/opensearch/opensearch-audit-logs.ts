import { defineTemplateRule } from '../../rule.ts';
import { expectBool, fail, PASS, show, unknown } from '../_support/check-result.ts';

const DESTINATION = 'LogPublishingOptions.AUDIT_LOGS.CloudWatchLogsLogGroupArn';

export default defineTemplateRule({
  id: 'opensearch-audit-logs',
  title: 'OpenSearch domains publish audit logs',
  severity: 'info',
  rationale: 'Audit logs record who read and changed which index, which investigations and compliance need.',
  remediation:
    'Enable fine-grained access control and set LogPublishingOptions.AUDIT_LOGS with Enabled true and the CloudWatchLogsLogGroupArn of the log group to publish to.',
  references: ['CKV_AWS_317', 'https://docs.aws.amazon.com/opensearch-service/latest/developerguide/audit-logs.html'],
  resourceTypes: ['AWS::OpenSearchService::Domain', 'AWS::Elasticsearch::Domain'],
  check: (domain) => {
    const enabled = expectBool(domain, 'LogPublishingOptions.AUDIT_LOGS.Enabled', true, 'Audit logs are off', {
      absent: false,
    });
    if (enabled.status !== 'pass') return enabled;
    // Audit logs are published to CloudWatch Logs only: without a log group they go nowhere.
    const has = domain.has(DESTINATION);
    if (!has.known) return unknown(DESTINATION, has.reason);
    const arn = domain.get(DESTINATION);
    if (has.value && (!arn.known || (typeof arn.value === 'string' && arn.value !== ''))) return PASS;
    const actual = has.value ? show(arn.known ? arn.value : undefined) : 'not set';
    return fail(
      DESTINATION,
      `Audit logs are enabled but have no log group to go to: ${DESTINATION} is ${actual}; expected the ARN of a CloudWatch Logs log group`,
      arn.known ? arn.value : undefined,
      'a log group ARN',
    );
  },
});
