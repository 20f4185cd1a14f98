import { defineTemplateRule } from '../../rule.ts';
import { expectNoneOf } from '../_support/check-result.ts';

export default defineTemplateRule({
  id: 'sns-subscription-no-http',
  title: 'SNS subscriptions deliver over HTTPS, not HTTP',
  severity: 'warning',
  rationale: 'HTTP subscriptions send every message in clear text across the internet.',
  remediation: 'Use Protocol https with an https:// endpoint.',
  references: ['https://docs.aws.amazon.com/sns/latest/dg/sns-security-best-practices.html'],
  resourceTypes: ['AWS::SNS::Subscription'],
  check: (sub) => expectNoneOf(sub, 'Protocol', ['http'], 'Messages are delivered in clear text'),
});
