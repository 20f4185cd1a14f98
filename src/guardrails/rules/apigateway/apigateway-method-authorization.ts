import { defineTemplateRule } from '../../rule.ts';
import { asBool, fail, PASS, read } from '../_support/check-result.ts';

export default defineTemplateRule({
  id: 'apigateway-method-authorization',
  title: 'API Gateway REST API methods require authorization',
  severity: 'warning',
  rationale: 'A method with AuthorizationType NONE and no API key can be called by anyone on the internet.',
  remediation:
    'Set AuthorizationType to AWS_IAM, COGNITO_USER_POOLS or CUSTOM (with AuthorizerId); OPTIONS methods for CORS are exempt.',
  references: ['CKV_AWS_59', 'AwsSolutions-APIG4'],
  resourceTypes: ['AWS::ApiGateway::Method'],
  check: (method) => {
    const verb = read(method, 'HttpMethod');
    if ('result' in verb) return verb.result;
    if (verb.value === 'OPTIONS') return PASS;
    const type = read(method, 'AuthorizationType');
    if ('result' in type) return type.result;
    if (type.value !== undefined && type.value !== 'NONE') return PASS;
    const key = read(method, 'ApiKeyRequired');
    if ('result' in key) return key.result;
    if (asBool(key.value) === true) return PASS;
    return fail(
      'AuthorizationType',
      `The ${String(verb.value)} method is open: AuthorizationType is ${type.value === undefined ? 'not set (NONE)' : '"NONE"'} and no API key is required; expected AWS_IAM, COGNITO_USER_POOLS or CUSTOM`,
      type.value ?? 'NONE',
      'an authorizer',
    );
  },
});
