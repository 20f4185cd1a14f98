import { defineTemplateRule } from '../../rule.ts';
import { fail, unknown } from '../_support/check-result.ts';
import { checkStatements, POLICY_DOCUMENTS } from '../_support/policy-statements.ts';

export default defineTemplateRule({
  id: 'iam-no-star-action',
  title: 'IAM and resource policy statements do not allow Action "*"',
  severity: 'error',
  rationale: 'Action "*" grants every current and future action of every AWS service, whatever the resource.',
  remediation:
    'Replace "*" with the actions the workload calls (for example dynamodb:GetItem, dynamodb:PutItem).',
  references: ['CKV_AWS_63', 'AwsSolutions-IAM5'],
  // Identity policies and resource policies (buckets, queues, topics, keys, repositories, secrets, ...).
  resourceTypes: Object.keys(POLICY_DOCUMENTS).sort(),
  check: (resource, { index }) =>
    checkStatements(resource, index, (s) => {
      const action = s.values('Action');
      if (!action.known) return unknown(`${s.path}.Action`, action.reason);
      if (!action.values.some((a) => a === '*' || a === '*:*')) return undefined;
      return fail(
        `${s.path}.Action`,
        'The statement allows Action "*"; expected a list of specific actions',
        '*',
        'specific actions',
      );
    }),
});
