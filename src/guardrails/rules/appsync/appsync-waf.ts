import { defineTemplateRule } from '../../rule.ts';
import { fail, PASS } from '../_support/check-result.ts';

export default defineTemplateRule({
  id: 'appsync-waf',
  title: 'AppSync GraphQL APIs are protected by AWS WAF',
  severity: 'info',
  rationale:
    'A web ACL rate-limits and filters requests before they reach resolvers, which GraphQL makes easy to abuse with deep or batched queries.',
  remediation:
    'Add an AWS::WAFv2::WebACLAssociation with ResourceArn !GetAtt <api>.Arn and a regional web ACL.',
  references: ['CKV2_AWS_33'],
  resourceTypes: ['AWS::AppSync::GraphQLApi'],
  check: (api, { index }) => {
    if (index.referencedBy(api.logicalId).some((r) => r.type === 'AWS::WAFv2::WebACLAssociation'))
      return PASS;
    return fail(
      '',
      'No AWS::WAFv2::WebACLAssociation references the API; expected a web ACL',
      'no web ACL',
      'a WAFv2 web ACL',
    );
  },
});
