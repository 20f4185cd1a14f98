import { defineTemplateRule } from '../../rule.ts';
import { expectBool, PASS, read } from '../_support/check-result.ts';
import { setProperty } from '../_support/template-patch.ts';

export default defineTemplateRule({
  id: 'mq-broker-audit-logs',
  title: 'ActiveMQ brokers send audit logs to CloudWatch Logs',
  severity: 'warning',
  rationale:
    'Audit logs record management actions on the broker (users, queues, permissions); without them changes cannot be traced.',
  remediation: 'Set Logs.Audit to true (RabbitMQ brokers have no audit log and pass).',
  references: ['CKV_AWS_197'],
  resourceTypes: ['AWS::AmazonMQ::Broker'],
  check: (broker) => {
    const engine = read(broker, 'EngineType');
    if ('result' in engine) return engine.result;
    if (typeof engine.value === 'string' && engine.value.toUpperCase() === 'RABBITMQ') return PASS;
    return expectBool(broker, 'Logs.Audit', true, 'Management actions are not logged', { absent: false });
  },
  fix: {
    description: 'send audit logs to CloudWatch Logs',
    safe: true,
    patch: (broker) => setProperty(broker, 'Logs.Audit', true),
  },
});
