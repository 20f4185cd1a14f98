import type { CheckResult, ResourceView, TemplateIndex } from '../../rule.ts';
import { unknown } from './check-result.ts';
import { checkStatements } from './policy-statements.ts';

/**
 * Whether a Deny statement of the resource's own policy documents refuses requests without TLS
 * (`aws:SecureTransport` false), with the results of the walk (unknown spots, or PASS) for when it does not.
 */
export function deniesInsecureTransport(
  resource: ResourceView,
  index: TemplateIndex,
): { found: boolean; results: CheckResult | readonly CheckResult[] } {
  let found = false;
  const results = checkStatements(
    resource,
    index,
    (s) => {
      const secure = s.get('Condition.Bool.aws:SecureTransport');
      if (!secure.known) return unknown(s.path, secure.reason);
      if (secure.value === false || secure.value === 'false') found = true;
      return undefined;
    },
    { effect: 'Deny' },
  );
  return { found, results };
}

/**
 * Whether a resource policy that references `targetId` has a Deny statement for requests without TLS
 * (`aws:SecureTransport` false). Used by the TLS-only bucket, queue and topic rules.
 */
export function hasTlsOnlyPolicy(
  index: TemplateIndex,
  targetId: string,
  policyType: string,
): { known: true; value: boolean; policies: number } | { known: false; reason: string } {
  const policies = index.referencedBy(targetId).filter((r) => r.type === policyType);
  let reason: string | undefined;
  for (const policy of policies) {
    const { found, results } = deniesInsecureTransport(policy, index);
    if (found) return { known: true, value: true, policies: policies.length };
    const unknownResult = (Array.isArray(results) ? results : [results]).find(
      (r: CheckResult) => r.status === 'unknown',
    ) as { reason: string } | undefined;
    if (unknownResult) reason = unknownResult.reason;
  }
  if (reason !== undefined) return { known: false, reason };
  return { known: true, value: false, policies: policies.length };
}
