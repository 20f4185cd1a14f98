import { defineTemplateRule } from '../../rule.ts';
import { combine, expectPresent } from '../_support/check-result.ts';

export default defineTemplateRule({
  id: 'apigatewayv2-stage-throttling',
  title: 'API Gateway HTTP API stages set default throttling',
  severity: 'info',
  rationale:
    'Without stage throttling, one client can use the whole account limit and drive the backend and its cost as high as it likes.',
  remediation:
    'Set DefaultRouteSettings.ThrottlingRateLimit and ThrottlingBurstLimit to what the backend can sustain.',
  references: ['https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-throttling.html'],
  resourceTypes: ['AWS::ApiGatewayV2::Stage'],
  check: (stage) =>
    combine([
      expectPresent(stage, 'DefaultRouteSettings.ThrottlingRateLimit', 'No default rate limit'),
      expectPresent(stage, 'DefaultRouteSettings.ThrottlingBurstLimit', 'No default burst limit'),
    ]),
});
