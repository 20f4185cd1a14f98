import { defineTemplateRule } from '../../rule.ts';
import { fail, PASS } from '../_support/check-result.ts';

export default defineTemplateRule({
  id: 'apigateway-request-validation',
  title: 'API Gateway REST APIs validate requests',
  severity: 'info',
  rationale:
    'A request validator rejects malformed requests at the edge instead of passing them to the backend.',
  remediation:
    'Add an AWS::ApiGateway::RequestValidator for the API (ValidateRequestBody / ValidateRequestParameters) and use it on methods.',
  references: ['AwsSolutions-APIG2'],
  resourceTypes: ['AWS::ApiGateway::RestApi'],
  check: (api, { index }) => {
    if (index.referencedBy(api.logicalId).some((r) => r.type === 'AWS::ApiGateway::RequestValidator'))
      return PASS;
    return fail(
      '',
      'No AWS::ApiGateway::RequestValidator references the API; expected a request validator',
      'no validator',
      'a request validator',
    );
  },
});
