import { defineTemplateRule } from '../../rule.ts';
import { expectPresent } from '../_support/check-result.ts';

export default defineTemplateRule({
  id: 'apigateway-stage-access-logging',
  title: 'API Gateway REST API stages write access logs',
  severity: 'warning',
  rationale:
    'Access logs record who called which route with what status and latency, which incident response and debugging need.',
  remediation: 'Set AccessLogSetting.DestinationArn to a CloudWatch Logs group (and a Format).',
  references: ['CKV_AWS_76', 'AwsSolutions-APIG1'],
  resourceTypes: ['AWS::ApiGateway::Stage'],
  check: (stage) => expectPresent(stage, 'AccessLogSetting.DestinationArn', 'Access logging is off'),
});
