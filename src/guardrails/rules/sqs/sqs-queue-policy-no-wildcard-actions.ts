import { defineTemplateRule } from '../../rule.ts';
import { fail, unknown } from '../_support/check-result.ts';
import { checkStatements } from '../_support/policy-statements.ts';

export default defineTemplateRule({
  id: 'sqs-queue-policy-no-wildcard-actions',
  title: 'SQS queue policies do not allow every action',
  severity: 'warning',
  rationale: 'Allowing "*" or "sqs:*" lets the principal also purge, delete and re-permission the queue.',
  remediation:
    'Allow only the actions needed (sqs:SendMessage for producers; sqs:ReceiveMessage, sqs:DeleteMessage for consumers).',
  references: ['CKV_AWS_72'],
  resourceTypes: ['AWS::SQS::QueuePolicy'],
  check: (policy, { index }) =>
    checkStatements(policy, index, (s) => {
      const action = s.values('Action');
      if (!action.known) return unknown(`${s.path}.Action`, action.reason);
      const wide = action.values.filter((a) => a === '*' || a.toLowerCase() === 'sqs:*');
      if (wide.length === 0) return undefined;
      return fail(
        `${s.path}.Action`,
        `The statement allows ${wide.join(', ')}; expected specific SQS actions`,
        wide,
        'specific actions',
      );
    }),
});
