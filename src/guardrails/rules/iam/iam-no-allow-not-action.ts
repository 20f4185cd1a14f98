import { defineTemplateRule } from '../../rule.ts';
import { fail, unknown } from '../_support/check-result.ts';
import { checkStatements, IDENTITY_POLICY_TYPES } from '../_support/policy-statements.ts';

export default defineTemplateRule({
  id: 'iam-no-allow-not-action',
  title: 'IAM policies do not use Allow with NotAction or NotResource',
  severity: 'warning',
  rationale:
    'Allow with NotAction or NotResource grants everything except a list, including every action AWS adds later.',
  remediation: 'Rewrite the statement as an Allow of the specific actions and resources needed.',
  references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html'],
  resourceTypes: IDENTITY_POLICY_TYPES,
  check: (resource, { index }) =>
    checkStatements(resource, index, (s) => {
      for (const field of ['NotAction', 'NotResource']) {
        const has = s.has(field);
        if (!has.known) return unknown(`${s.path}.${field}`, has.reason);
        if (has.value) {
          return fail(
            `${s.path}.${field}`,
            `The Allow statement uses ${field}; expected an explicit ${field === 'NotAction' ? 'Action' : 'Resource'} list`,
            field,
            field === 'NotAction' ? 'Action' : 'Resource',
          );
        }
      }
      return undefined;
    }),
});
