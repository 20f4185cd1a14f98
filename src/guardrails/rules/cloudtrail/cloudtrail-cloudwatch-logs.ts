import { defineTemplateRule } from '../../rule.ts';
import { expectPresent } from '../_support/check-result.ts';

export default defineTemplateRule({
  id: 'cloudtrail-cloudwatch-logs',
  title: 'CloudTrail trails deliver events to CloudWatch Logs',
  severity: 'info',
  rationale:
    'Events in CloudWatch Logs can drive metric filters and alarms (root sign-in, policy changes) within minutes; log files in S3 only serve later investigation.',
  remediation:
    'Set CloudWatchLogsLogGroupArn and CloudWatchLogsRoleArn (a role cloudtrail.amazonaws.com can assume).',
  references: [
    'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/send-cloudtrail-events-to-cloudwatch-logs.html',
  ],
  resourceTypes: ['AWS::CloudTrail::Trail'],
  check: (trail) =>
    expectPresent(trail, 'CloudWatchLogsLogGroupArn', 'Events are not delivered to CloudWatch Logs'),
});
