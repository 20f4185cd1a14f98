import { defineTemplateRule } from '../../rule.ts';
import { fail, PASS, read } from '../_support/check-result.ts';
import { deprecationDate, LAMBDA_RUNTIME_DEPRECATIONS } from '../_support/lambda-runtime-deprecations.ts';

export default defineTemplateRule({
  id: 'lambda-supported-runtime',
  title: 'Lambda functions use a runtime that still gets security updates',
  severity: 'warning',
  rationale:
    'Deprecated runtimes no longer receive security patches, and AWS eventually blocks creating and updating functions that use them.',
  remediation: `Move to a current runtime (for example nodejs22.x, python3.13, java21, provided.al2023). Deprecation dates: ${LAMBDA_RUNTIME_DEPRECATIONS.source}, as of ${LAMBDA_RUNTIME_DEPRECATIONS.asOf}.`,
  references: ['CKV_AWS_363', 'AwsSolutions-L1'],
  resourceTypes: ['AWS::Lambda::Function'],
  check: (fn, { now }) => {
    const runtime = read(fn, 'Runtime');
    if ('result' in runtime) return runtime.result;
    if (typeof runtime.value !== 'string') return PASS;
    const date = deprecationDate(runtime.value.trim().toLowerCase());
    const today = now.toISOString().slice(0, 10);
    if (date === undefined || date > today) return PASS;
    return fail(
      'Runtime',
      `The runtime is deprecated: Runtime is "${runtime.value}", deprecated since ${date} (evaluated on ${today}); expected a runtime that still gets security updates`,
      runtime.value,
      { deprecatedSince: date },
    );
  },
});
