import { defineTemplateRule } from '../../rule.ts';
import { expectBool } from '../_support/check-result.ts';
import { setProperty } from '../_support/template-patch.ts';

export default defineTemplateRule({
  id: 'mq-broker-auto-minor-version-upgrade',
  title: 'Amazon MQ brokers take minor engine upgrades automatically',
  severity: 'info',
  rationale:
    'Minor versions carry security fixes; without automatic upgrades the broker keeps known vulnerabilities until someone upgrades it by hand.',
  remediation: 'Set AutoMinorVersionUpgrade to true, or leave it unset (true is the default).',
  references: ['https://docs.aws.amazon.com/securityhub/latest/userguide/mq-controls.html'],
  resourceTypes: ['AWS::AmazonMQ::Broker'],
  check: (broker) =>
    expectBool(broker, 'AutoMinorVersionUpgrade', true, 'Minor upgrades are not applied', { absent: true }),
  fix: {
    description: 'apply minor engine upgrades in the maintenance window',
    safe: true,
    patch: (broker) => setProperty(broker, 'AutoMinorVersionUpgrade', true),
  },
});
