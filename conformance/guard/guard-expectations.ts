import type { CfnTemplate } from '../../src/cfn/cfn-template.ts';
import { parseTemplateSource } from '../../src/cfn/parse-template-source.ts';
import type { TemplateRule } from '../../src/guardrails/rule.ts';
import { validateTemplate } from '../../src/spec/index.ts';
import type { Expectation } from '../expectation.ts';
import { expectation } from '../expectation.ts';
import type { Verdict } from '../our-verdicts.ts';
import { verdictsOf, worst } from '../our-verdicts.ts';
import type { GuardCase } from './read-guard-suite.ts';

/** Why a Guard expectation is not counted. */
export type GuardExclusion =
  /** The input is not a CloudFormation template (empty, no Resources). */
  | 'not a template'
  /** The input breaks the resource specification (unknown type or property, wrong type). */
  | 'invalid CloudFormation'
  /** The input suppresses the rule (`Metadata.guard.SuppressedRules`). */
  | 'suppressed'
  /** SKIP on a template with no resource any mapped rule looks at: nothing to agree or disagree on. */
  | 'nothing to check';

function parsed(text: string): CfnTemplate | undefined {
  try {
    return parseTemplateSource(text).template;
  } catch {
    return undefined;
  }
}

/** Whether the input suppresses the rule: by name for Guard, or through cfn_nag rule suppressions (which the registry's rules honour). */
function suppresses(template: CfnTemplate, rule: string): boolean {
  return Object.values(template.Resources).some((resource) => {
    const metadata = resource.Metadata as
      | { guard?: { SuppressedRules?: unknown }; cfn_nag?: { rules_to_suppress?: unknown } }
      | undefined;
    const guard = metadata?.guard?.SuppressedRules;
    const cfnNag = metadata?.cfn_nag?.rules_to_suppress;
    return (Array.isArray(guard) && guard.includes(rule)) || (Array.isArray(cfnNag) && cfnNag.length > 0);
  });
}

const INVALID = new Set(['unknown-resource-type', 'unknown-property', 'wrong-type']);

/** The template-wide verdict of a set of rules: a fail anywhere fails, as a Guard rule does. */
function overall(verdicts: Map<string, Verdict>): Verdict {
  let verdict: Verdict = 'not-checked';
  for (const v of verdicts.values()) verdict = worst(verdict, v);
  return verdict;
}

/**
 * Our agreement with the Guard registry's tests for the registry rules we map: the mapped rules run on each
 * test's input; FAIL expects a failing finding somewhere, PASS and SKIP expect none.
 */
export function guardExpectations(
  cases: readonly GuardCase[],
  rulesFor: (guardRule: string) => readonly TemplateRule<never>[],
  now: Date,
): { expectations: Expectation[]; excluded: Map<GuardExclusion, number> } {
  const expectations: Expectation[] = [];
  const excluded = new Map<GuardExclusion, number>();
  const exclude = (why: GuardExclusion) => excluded.set(why, (excluded.get(why) ?? 0) + 1);
  for (const test of cases) {
    const template = parsed(test.inputText);
    const valid =
      template !== undefined && !validateTemplate(template).some((issue) => INVALID.has(issue.code));
    for (const [guardRule, outcome] of Object.entries(test.rules)) {
      const rules = rulesFor(guardRule);
      if (rules.length === 0) continue;
      if (template === undefined) exclude('not a template');
      else if (!valid) exclude('invalid CloudFormation');
      else if (suppresses(template, guardRule) || /suppress/i.test(test.name)) exclude('suppressed');
      else {
        const ours = overall(verdictsOf(template, rules, now));
        if (outcome === 'SKIP' && ours === 'not-checked') exclude('nothing to check');
        else
          expectations.push(
            expectation({
              suite: 'guard',
              id: guardRule,
              fixture: test.file,
              subject: test.name,
              expected: outcome === 'FAIL' ? 'fail' : 'pass',
              ours,
            }),
          );
      }
    }
  }
  return { expectations, excluded };
}
