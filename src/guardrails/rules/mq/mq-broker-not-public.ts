import { defineTemplateRule } from '../../rule.ts';
import { expectBool } from '../_support/check-result.ts';

export default defineTemplateRule({
  id: 'mq-broker-not-public',
  title: 'Amazon MQ brokers are not publicly accessible',
  severity: 'error',
  rationale:
    'A public broker has an internet-reachable endpoint, so only its user passwords protect the queues and their messages.',
  remediation: 'Set PubliclyAccessible to false and connect from inside the VPC.',
  references: ['CKV_AWS_69'],
  resourceTypes: ['AWS::AmazonMQ::Broker'],
  check: (broker) => expectBool(broker, 'PubliclyAccessible', false, 'The broker is publicly accessible'),
});
