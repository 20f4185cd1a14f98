import { z } from 'zod';
import { defineTemplateRule } from '../../rule.ts';
import { expectAtLeast, PASS, unknown } from '../_support/check-result.ts';
import { setProperty } from '../_support/template-patch.ts';

const Params = z.object({ minimumDays: z.number().int().min(1).max(3653).default(90) });

export default defineTemplateRule<z.infer<typeof Params>>({
  id: 'logs-retention-minimum',
  title: 'CloudWatch log groups keep logs for the policy minimum',
  severity: 'info',
  rationale: 'Incidents are often found weeks later; logs deleted after a few days cannot explain them.',
  remediation: 'Set RetentionInDays to at least the policy minimum (90 days by default).',
  references: [
    'https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/Working-with-log-groups-and-streams.html#SettingLogRetention',
  ],
  params: Params,
  resourceTypes: ['AWS::Logs::LogGroup'],
  check: (group, { params }) => {
    const set = group.has('RetentionInDays');
    if (!set.known) return unknown('RetentionInDays', set.reason);
    if (!set.value) return PASS; // kept forever: logs-retention reports it
    return expectAtLeast(group, 'RetentionInDays', params.minimumDays, 'Logs are deleted too early');
  },
  fix: {
    description: 'keep logs for the policy minimum',
    safe: true,
    patch: (group, { params }) => setProperty(group, 'RetentionInDays', params.minimumDays),
  },
});
