import { intrinsicKey } from '../../intrinsics/intrinsic-key.ts';
import { defineTemplateRule } from '../../rule.ts';
import { fail, unknown } from '../_support/check-result.ts';
import type { Statement } from '../_support/policy-statements.ts';
import { checkStatements } from '../_support/policy-statements.ts';

/** A whole account: its id, or the ARN of its root. */
const ACCOUNT = /^(\d{12}|arn:aws[a-z-]*:iam::\d{12}:root)$/;
/** The same written with placeholders: `arn:${AWS::Partition}:iam::${AWS::AccountId}:root`, `${AWS::AccountId}`. */
const ACCOUNT_TEXT =
  /^(\$\{AWS::AccountId\}|arn:(aws[a-z-]*|\$\{[^}]+\}):iam::(\d{12}|\$\{[^}]+\}):root)$/;

/** The text of a symbolic value with each unresolved part as a `${...}` placeholder (Ref, Sub, Join). */
function writtenText(value: unknown): string | undefined {
  const key = intrinsicKey(value);
  const arg = key === undefined ? undefined : (value as Record<string, unknown>)[key];
  if (key === 'Ref') return typeof arg === 'string' ? `\${${arg}}` : undefined;
  if (key === 'Fn::Sub') {
    const text = Array.isArray(arg) ? arg[0] : arg;
    return typeof text === 'string' ? text : undefined;
  }
  if (key === 'Fn::Join' && Array.isArray(arg) && typeof arg[0] === 'string' && Array.isArray(arg[1])) {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: an Fn::Sub style placeholder, not a JS template
    const unreadable = '${?}';
    const parts = (arg[1] as unknown[]).map((part) =>
      typeof part === 'string' ? part : (writtenText(part) ?? unreadable),
    );
    return parts.join(arg[0]);
  }
  return undefined;
}

/** Account roots among the principals known only at deploy time (`!Sub arn:aws:iam::${AWS::AccountId}:root`). */
function symbolicRoots(s: Statement): string[] {
  const raw = s.raw('Principal.AWS');
  const fields = Array.isArray(raw) ? raw.map((_, i) => `Principal.AWS.${i}`) : ['Principal.AWS'];
  return fields.flatMap((field) => {
    if (s.get(field).known) return [];
    const text = writtenText(s.raw(field));
    return text !== undefined && ACCOUNT_TEXT.test(text) ? [text] : [];
  });
}

export default defineTemplateRule({
  id: 'iam-role-trust-no-account-root',
  title: 'IAM roles trust specific principals, not a whole account',
  severity: 'warning',
  rationale:
    'Trusting an account root lets every user and role in that account that has sts:AssumeRole assume the role.',
  remediation:
    'Trust the ARNs of the specific roles that need to assume this role, or add a Condition on aws:PrincipalArn.',
  references: ['CKV_AWS_61'],
  resourceTypes: ['AWS::IAM::Role'],
  check: (role, { index }) =>
    checkStatements(
      role,
      index,
      (s) => {
        const aws = s.values('Principal.AWS');
        if (!aws.known) return unknown(`${s.path}.Principal.AWS`, aws.reason);
        const roots = aws.values.filter((p) => ACCOUNT.test(p));
        if (aws.opaque > 0) roots.push(...symbolicRoots(s));
        if (roots.length === 0) return undefined;
        const condition = s.has('Condition');
        if (!condition.known) return unknown(`${s.path}.Condition`, condition.reason);
        if (condition.value) return undefined;
        return fail(
          `${s.path}.Principal.AWS`,
          `The role trusts the whole account ${roots.join(', ')}; expected specific role ARNs or a Condition`,
          roots,
          'specific principals',
        );
      },
      { documents: ['AssumeRolePolicyDocument'] },
    ),
});
