import { defineTemplateRule } from '../../rule.ts';
import { expectPresent } from '../_support/check-result.ts';

export default defineTemplateRule({
  id: 'apigatewayv2-stage-access-logging',
  title: 'API Gateway HTTP and WebSocket API stages write access logs',
  severity: 'warning',
  rationale:
    'Access logs record who called which route with what status and latency, which incident response and debugging need.',
  remediation: 'Set AccessLogSettings.DestinationArn to a CloudWatch Logs group (and a Format).',
  references: ['CKV_AWS_95', 'AwsSolutions-APIG1'],
  resourceTypes: ['AWS::ApiGatewayV2::Stage'],
  check: (stage) => expectPresent(stage, 'AccessLogSettings.DestinationArn', 'Access logging is off'),
});
