import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { compilePolicy } from '../../src/guardrails/policy/compile-policy.ts';
import { parsePolicy } from '../../src/guardrails/policy/parse-policy.ts';
import { PolicyInvalidError } from '../../src/guardrails/policy/policy-invalid-error.ts';
import { builtInRules } from '../../src/guardrails/rules/index.ts';

/** parsePolicy either returns a policy or throws PolicyInvalidError with located issues; nothing else. */
function parsesOrExplains(text: string): void {
  try {
    const policy = parsePolicy(text, { source: 'fuzz', knownRules: builtInRules });
    compilePolicy(policy);
  } catch (error) {
    expect(error).toBeInstanceOf(PolicyInvalidError);
    for (const issue of (error as PolicyInvalidError).issues) {
      expect(issue.line).toBeGreaterThanOrEqual(1);
      expect(issue.column).toBeGreaterThanOrEqual(1);
      expect(issue.message.length).toBeGreaterThan(0);
    }
  }
}

const key = fc.constantFrom(
  'version',
  'rules',
  'customRules',
  'waivers',
  'condition',
  'where',
  'and',
  'or',
  'not',
  'all',
  'exists',
  'equals',
  'matches',
  'path',
  'pattern',
  'value',
  'values',
  'connected_to',
  'referenced_by',
  'id',
  'severity',
  'resourceType',
  'componentKind',
);
const policyish = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    fc.string({ maxLength: 12 }),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('node'), { maxLength: 4 }),
    fc.dictionary(key, tie('node'), { maxKeys: 4 }),
  ),
})).node;

describe('parsePolicy on arbitrary input', () => {
  it('never throws anything but PolicyInvalidError for arbitrary text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), parsesOrExplains), { numRuns: 300 });
  });

  it('never throws anything but PolicyInvalidError for policy-shaped documents', () => {
    fc.assert(
      fc.property(policyish, fc.boolean(), (doc, withVersion) => {
        const body =
          withVersion && typeof doc === 'object' && doc !== null && !Array.isArray(doc)
            ? { version: 1, ...doc }
            : doc;
        parsesOrExplains(stringify(body));
      }),
      { numRuns: 300 },
    );
  });
});
