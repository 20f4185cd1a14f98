import { defineTemplateRule } from '../../rule.ts';
import { fail, show, unknown } from '../_support/check-result.ts';
import { checkMetadataOptions } from '../_support/metadata-options.ts';
import { rawAt } from '../_support/policy-statements.ts';

export default defineTemplateRule({
  id: 'ec2-instance-imdsv2',
  title: 'EC2 instances are launched from a launch template that requires IMDSv2',
  severity: 'warning',
  rationale:
    'AWS::EC2::Instance cannot set metadata options itself; without a launch template requiring tokens, the instance answers IMDSv1 requests.',
  remediation:
    'Launch the instance from an AWS::EC2::LaunchTemplate with MetadataOptions.HttpTokens required.',
  references: ['CKV_AWS_79'],
  resourceTypes: ['AWS::EC2::Instance'],
  check: (instance, { index }) => {
    const has = instance.has('LaunchTemplate');
    if (!has.known) return unknown('LaunchTemplate', has.reason);
    if (!has.value) {
      return fail(
        'LaunchTemplate',
        'The instance has no launch template, so IMDSv1 stays enabled; expected a launch template with HttpTokens required',
        undefined,
        'HttpTokens required',
      );
    }
    const ref =
      rawAt(instance, 'LaunchTemplate.LaunchTemplateId') ??
      rawAt(instance, 'LaunchTemplate.LaunchTemplateName');
    const target =
      typeof ref === 'object' && ref !== null && 'Ref' in ref ? (ref as { Ref: unknown }).Ref : undefined;
    const template = typeof target === 'string' ? index.resource(target) : undefined;
    if (template?.type !== 'AWS::EC2::LaunchTemplate') {
      return unknown('LaunchTemplate', 'the launch template is not defined in this template');
    }
    return checkMetadataOptions(template, (tokens) =>
      fail(
        'LaunchTemplate',
        `Launch template ${template.logicalId} has HttpTokens ${show(tokens)}; expected "required" (or HttpEndpoint "disabled")`,
        tokens,
        'required',
      ),
    );
  },
});
