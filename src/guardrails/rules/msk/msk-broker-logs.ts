import { defineTemplateRule } from '../../rule.ts';
import type { CheckResult } from '../../rule.ts';
import { asBool, fail, PASS, unknown } from '../_support/check-result.ts';

const DESTINATIONS = ['CloudWatchLogs', 'Firehose', 'S3'] as const;

export default defineTemplateRule({
  id: 'msk-broker-logs',
  title: 'MSK clusters deliver broker logs',
  severity: 'warning',
  rationale:
    'Broker logs show authentication failures, partition problems and client errors; without a destination they stay on the brokers and are lost.',
  remediation:
    'Set LoggingInfo.BrokerLogs with CloudWatchLogs, Firehose or S3 Enabled: true and its destination.',
  references: ['CKV_AWS_80', 'AwsSolutions-MSK6'],
  resourceTypes: ['AWS::MSK::Cluster'],
  check: (cluster) => {
    let pending: CheckResult | undefined;
    for (const destination of DESTINATIONS) {
      const path = `LoggingInfo.BrokerLogs.${destination}.Enabled`;
      const enabled = cluster.get(path);
      if (!enabled.known) pending ??= unknown(path, enabled.reason);
      else if (asBool(enabled.value) === true) return PASS;
    }
    return (
      pending ??
      fail(
        'LoggingInfo.BrokerLogs',
        'Broker logs are not delivered: no CloudWatchLogs, Firehose or S3 destination is enabled; expected one',
        undefined,
        'an enabled broker log destination',
      )
    );
  },
});
