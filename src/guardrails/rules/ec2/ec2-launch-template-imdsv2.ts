import { defineTemplateRule } from '../../rule.ts';
import { imdsv1Allowed } from '../_support/metadata-options.ts';
import { setProperty } from '../_support/template-patch.ts';

export default defineTemplateRule({
  id: 'ec2-launch-template-imdsv2',
  title: 'Launch templates require IMDSv2',
  severity: 'error',
  rationale:
    'IMDSv1 answers any request that reaches it, so one SSRF bug in the application leaks the instance role credentials.',
  remediation:
    'Set LaunchTemplateData.MetadataOptions.HttpTokens to required (and HttpPutResponseHopLimit 2 for containers).',
  references: ['CKV_AWS_79'],
  resourceTypes: ['AWS::EC2::LaunchTemplate'],
  check: (template) => imdsv1Allowed(template),
  fix: {
    description: 'require IMDSv2 tokens (software using IMDSv1 stops getting metadata)',
    safe: false,
    patch: (template) => setProperty(template, 'LaunchTemplateData.MetadataOptions.HttpTokens', 'required'),
  },
});
