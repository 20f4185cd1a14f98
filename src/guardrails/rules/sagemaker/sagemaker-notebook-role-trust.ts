import { defineTemplateRule } from '../../rule.ts';
import { combine, fail, unknown } from '../_support/check-result.ts';
import { checkStatements } from '../_support/policy-statements.ts';
import { referencedResource } from '../_support/referenced-resource.ts';
import { resultsOf } from '../_support/result-list.ts';

/** Trust-policy actions that allow every STS operation on the role. */
const EVERY_ACTION = new Set(['*', 'sts:*']);

export default defineTemplateRule({
  id: 'sagemaker-notebook-role-trust',
  title: 'SageMaker notebook roles trust only the role-assumption action',
  severity: 'warning',
  rationale:
    'A trust policy that allows Action "*" lets the trusted principal do every STS operation on the notebook role (tagging sessions, web identity) instead of just assuming it.',
  remediation: 'Set the Allow statement of the role trust policy to Action sts:AssumeRole.',
  references: ['CKV2_AWS_68'],
  resourceTypes: ['AWS::SageMaker::NotebookInstance'],
  check: (notebook, { index }) => {
    const role = referencedResource(notebook, index, 'RoleArn');
    if (role?.type !== 'AWS::IAM::Role') {
      return unknown('RoleArn', 'the notebook role is not defined in this template');
    }
    const results = checkStatements(
      role,
      index,
      (statement) => {
        const actions = statement.values('Action');
        if (!actions.known) return unknown(`${statement.path}.Action`, actions.reason);
        if (!actions.values.some((action) => EVERY_ACTION.has(action))) return undefined;
        return fail(
          'RoleArn',
          `Role ${role.logicalId} trusts its principal with every action (${statement.path}.Action); expected sts:AssumeRole`,
          actions.values,
          'sts:AssumeRole',
        );
      },
      { documents: ['AssumeRolePolicyDocument'] },
    );
    // Findings belong to the notebook: point them at its RoleArn, naming the role.
    return combine(
      resultsOf(results).map((r) =>
        r.status === 'unknown' ? unknown('RoleArn', `role ${role.logicalId}: ${r.reason}`) : r,
      ),
    );
  },
});
