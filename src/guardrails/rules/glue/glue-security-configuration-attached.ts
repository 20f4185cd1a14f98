import { defineTemplateRule } from '../../rule.ts';
import { expectPresent } from '../_support/check-result.ts';

/** Where each Glue resource names its security configuration. */
const PROPERTY: Readonly<Record<string, string>> = {
  'AWS::Glue::Crawler': 'CrawlerSecurityConfiguration',
  'AWS::Glue::DevEndpoint': 'SecurityConfiguration',
  'AWS::Glue::Job': 'SecurityConfiguration',
};

export default defineTemplateRule({
  id: 'glue-security-configuration-attached',
  title: 'Glue jobs, crawlers and development endpoints use a security configuration',
  severity: 'warning',
  rationale:
    'Without a security configuration, what the job or crawler writes to S3, CloudWatch Logs and bookmarks is not encrypted by Glue.',
  remediation:
    'Create an AWS::Glue::SecurityConfiguration with encryption on and name it in SecurityConfiguration (CrawlerSecurityConfiguration for crawlers).',
  references: ['CKV_AWS_195'],
  resourceTypes: Object.keys(PROPERTY),
  check: (resource) =>
    expectPresent(
      resource,
      PROPERTY[resource.type] ?? 'SecurityConfiguration',
      'No security configuration is used',
    ),
});
