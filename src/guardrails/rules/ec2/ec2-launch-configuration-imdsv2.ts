import { defineTemplateRule } from '../../rule.ts';
import { expectOneOf, PASS, read } from '../_support/check-result.ts';
import { setProperty } from '../_support/template-patch.ts';

export default defineTemplateRule({
  id: 'ec2-launch-configuration-imdsv2',
  title: 'Launch configurations require IMDSv2',
  severity: 'warning',
  rationale:
    'IMDSv1 answers any request from the instance, so an application tricked into fetching a URL (SSRF) hands out the instance role credentials.',
  remediation:
    'Set MetadataOptions.HttpTokens to required (or HttpEndpoint to disabled when no metadata is needed).',
  references: ['https://docs.aws.amazon.com/securityhub/latest/userguide/autoscaling-controls.html'],
  resourceTypes: ['AWS::AutoScaling::LaunchConfiguration'],
  check: (config) => {
    const endpoint = read(config, 'MetadataOptions.HttpEndpoint');
    if ('result' in endpoint) return endpoint.result;
    if (endpoint.value === 'disabled') return PASS; // no metadata service at all
    return expectOneOf(config, 'MetadataOptions.HttpTokens', ['required'], 'IMDSv1 is allowed', {
      absent: 'optional',
    });
  },
  fix: {
    description: 'require IMDSv2 tokens (replaces the launch configuration)',
    safe: false,
    patch: (config) => setProperty(config, 'MetadataOptions.HttpTokens', 'required'),
  },
});
