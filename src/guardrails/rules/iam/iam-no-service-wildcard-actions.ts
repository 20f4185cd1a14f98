import { defineTemplateRule } from '../../rule.ts';
import { fail, unknown } from '../_support/check-result.ts';
import { checkStatements, IDENTITY_POLICY_TYPES } from '../_support/policy-statements.ts';

export default defineTemplateRule({
  id: 'iam-no-service-wildcard-actions',
  title: 'IAM policy statements do not allow every action of a service ("s3:*")',
  severity: 'warning',
  rationale:
    'A service-wide wildcard such as "s3:*" includes destructive and policy-changing actions the workload never needs.',
  remediation: 'List the specific actions (s3:GetObject, s3:PutObject, ...) instead of "<service>:*".',
  references: ['AwsSolutions-IAM5'],
  resourceTypes: IDENTITY_POLICY_TYPES,
  check: (resource, { index }) =>
    checkStatements(resource, index, (s) => {
      const action = s.values('Action');
      if (!action.known) return unknown(`${s.path}.Action`, action.reason);
      const wide = action.values.filter((a) => /^[a-z0-9-]+:\*$/i.test(a));
      if (wide.length === 0) return undefined;
      return fail(
        `${s.path}.Action`,
        `The statement allows ${wide.join(', ')}; expected the specific actions the workload needs`,
        wide,
        'specific actions',
      );
    }),
});
