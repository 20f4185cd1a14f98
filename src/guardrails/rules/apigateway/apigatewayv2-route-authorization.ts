import { defineTemplateRule } from '../../rule.ts';
import { fail, PASS, read } from '../_support/check-result.ts';

export default defineTemplateRule({
  id: 'apigatewayv2-route-authorization',
  title: 'API Gateway HTTP and WebSocket routes require authorization',
  severity: 'warning',
  rationale: 'A route with AuthorizationType NONE can be called by anyone on the internet.',
  remediation:
    'Set AuthorizationType to JWT, AWS_IAM or CUSTOM with an AuthorizerId (OPTIONS routes for CORS are exempt).',
  references: ['CKV_AWS_309', 'AwsSolutions-APIG4'],
  resourceTypes: ['AWS::ApiGatewayV2::Route'],
  check: (route) => {
    const key = read(route, 'RouteKey');
    if ('result' in key) return key.result;
    if (typeof key.value === 'string' && key.value.startsWith('OPTIONS ')) return PASS;
    const type = read(route, 'AuthorizationType');
    if ('result' in type) return type.result;
    if (type.value !== undefined && type.value !== 'NONE') return PASS;
    return fail(
      'AuthorizationType',
      `Route ${String(key.value)} is open: AuthorizationType is ${type.value === undefined ? 'not set (NONE)' : '"NONE"'}; expected JWT, AWS_IAM or CUSTOM`,
      type.value ?? 'NONE',
      'an authorizer',
    );
  },
});
