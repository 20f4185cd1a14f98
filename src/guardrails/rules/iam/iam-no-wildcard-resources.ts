import { defineTemplateRule } from '../../rule.ts';
import { fail, unknown } from '../_support/check-result.ts';
import { checkStatements, IDENTITY_POLICY_TYPES } from '../_support/policy-statements.ts';

/** Actions that only work with Resource "*" or only read metadata; not findings. */
const RESOURCELESS = [
  /^[a-z0-9-]+:(describe|list)[a-z0-9]*$/i,
  /^xray:put(tracesegments|telemetryrecords)$/i,
  /^ecr:getauthorizationtoken$/i,
  /^cloudwatch:putmetricdata$/i,
  /^ec2:(create|delete|describe)networkinterfaces?$/i,
  /^ec2:(assign|unassign)privateipaddresses$/i,
  /^sts:getcalleridentity$/i,
  // CloudWatch Logs vended-log delivery (Step Functions, API Gateway v2 logging) only supports Resource "*".
  /^logs:(createlogdelivery|getlogdelivery|updatelogdelivery|deletelogdelivery|listlogdeliveries|putresourcepolicy|describeresourcepolicies|describeloggroups)$/i,
];

export default defineTemplateRule({
  id: 'iam-no-wildcard-resources',
  title: 'IAM policy statements scope their actions to specific resources',
  severity: 'warning',
  rationale: 'Resource "*" lets the principal act on every resource of the account, not only its own.',
  remediation:
    'Replace "*" with the ARNs of the resources the workload uses (!GetAtt Table.Arn, the bucket ARN followed by /*).',
  references: ['AwsSolutions-IAM5'],
  resourceTypes: IDENTITY_POLICY_TYPES,
  check: (resource, { index }) =>
    checkStatements(resource, index, (s) => {
      const res = s.values('Resource');
      if (!res.known) return unknown(`${s.path}.Resource`, res.reason);
      if (!res.values.includes('*')) return undefined;
      const action = s.values('Action');
      if (!action.known) return unknown(`${s.path}.Action`, action.reason);
      const scoped = action.values.filter((a) => !RESOURCELESS.some((re) => re.test(a)));
      if (action.present && scoped.length === 0) {
        if (action.opaque === 0) return undefined;
        return unknown(`${s.path}.Action`, 'an action is known only after deployment');
      }
      return fail(
        `${s.path}.Resource`,
        `The statement allows ${scoped.length > 0 ? scoped.slice(0, 4).join(', ') : 'its actions'} on Resource "*"; expected specific resource ARNs`,
        '*',
        'specific resource ARNs',
      );
    }),
});
