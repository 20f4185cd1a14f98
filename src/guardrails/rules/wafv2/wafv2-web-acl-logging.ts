import { defineTemplateRule } from '../../rule.ts';
import { fail, PASS } from '../_support/check-result.ts';

export default defineTemplateRule({
  id: 'wafv2-web-acl-logging',
  title: 'WAF web ACLs log the requests they inspect',
  severity: 'info',
  rationale:
    'Without a logging configuration only sampled requests and metrics remain, so a blocked attack or a wrongly blocked customer cannot be investigated.',
  remediation:
    'Add an AWS::WAFv2::LoggingConfiguration with ResourceArn !GetAtt <web ACL>.Arn and a log group, bucket or Firehose stream whose name starts with aws-waf-logs-.',
  references: ['https://docs.aws.amazon.com/securityhub/latest/userguide/waf-controls.html'],
  resourceTypes: ['AWS::WAFv2::WebACL'],
  check: (acl, { index }) => {
    if (index.referencedBy(acl.logicalId).some((r) => r.type === 'AWS::WAFv2::LoggingConfiguration'))
      return PASS;
    return fail(
      '',
      'No AWS::WAFv2::LoggingConfiguration references the web ACL; expected request logging',
      'no logging',
      'an AWS::WAFv2::LoggingConfiguration',
    );
  },
});
