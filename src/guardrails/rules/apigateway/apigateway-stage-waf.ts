import { defineTemplateRule } from '../../rule.ts';
import { fail, PASS } from '../_support/check-result.ts';

export default defineTemplateRule({
  id: 'apigateway-stage-waf',
  title: 'API Gateway REST API stages are protected by AWS WAF',
  severity: 'info',
  rationale:
    'A web ACL blocks common exploits, bad bots and floods before they reach the integration and run up its cost.',
  remediation: 'Add an AWS::WAFv2::WebACLAssociation whose ResourceArn is the stage ARN.',
  references: ['AwsSolutions-APIG3'],
  resourceTypes: ['AWS::ApiGateway::Stage'],
  check: (stage, { index }) => {
    if (index.referencedBy(stage.logicalId).some((r) => r.type === 'AWS::WAFv2::WebACLAssociation'))
      return PASS;
    return fail(
      '',
      'No AWS::WAFv2::WebACLAssociation references the stage; expected a web ACL',
      'no web ACL',
      'a WAFv2 web ACL',
    );
  },
});
