import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTemplateSource } from '../../src/cfn/parse-template-source.ts';
import type { TemplateRule } from '../../src/guardrails/rule.ts';
import type { Expectation, FixtureProblem } from '../expectation.ts';
import { expectation } from '../expectation.ts';
import type { Verdict } from '../our-verdicts.ts';
import { verdictsOf } from '../our-verdicts.ts';
import type { CheckovGroup } from './read-checkov-suite.ts';
import { fileLabel } from './read-checkov-suite.ts';

/** One resource of a fixture file with our verdict on it. */
interface Scanned {
  readonly file: string;
  /** `Type.LogicalId`, as Checkov names resources. */
  readonly name: string;
  readonly type: string;
  readonly ours: Verdict;
}

function scan(
  root: string,
  group: CheckovGroup,
  rules: readonly TemplateRule<never>[],
  now: Date,
  problems: FixtureProblem[],
): Scanned[] {
  const scanned: Scanned[] = [];
  for (const file of group.files) {
    let template: ReturnType<typeof parseTemplateSource>['template'];
    try {
      template = parseTemplateSource(readFileSync(join(root, file), 'utf8')).template;
    } catch (error) {
      problems.push({
        suite: 'checkov',
        id: group.id,
        fixture: file,
        problem: `could not be read: ${error instanceof Error ? error.message : String(error)}`,
      });
      continue;
    }
    const verdicts = verdictsOf(template, rules, now);
    for (const [logicalId, resource] of Object.entries(template.Resources)) {
      scanned.push({
        file,
        name: `${resource.Type}.${logicalId}`,
        type: resource.Type,
        ours: verdicts.get(logicalId) ?? 'not-checked',
      });
    }
  }
  return scanned;
}

/** Expectations of a test that names its passing and failing resources. */
function named(group: CheckovGroup, scanned: readonly Scanned[]): Expectation[] {
  const out: Expectation[] = [];
  const lists = [
    ['pass', group.expects.passing ?? []],
    ['fail', group.expects.failing ?? []],
  ] as const;
  for (const [expected, names] of lists) {
    for (const name of names) {
      const found = scanned.filter((s) => s.name === name);
      // A name several files share agrees when one of them gives the expected verdict.
      const hit = found.find((s) => s.ours === expected) ?? found[0];
      out.push(
        expectation({
          suite: 'checkov',
          id: group.id,
          fixture: hit?.file ?? group.test,
          subject: name,
          expected,
          ours: hit?.ours ?? 'not-checked',
        }),
      );
    }
  }
  return out;
}

/**
 * Expectations of a test that asserts only summary counts: per resource from the fixture files' names
 * (`-PASSED`, `-FAILED`) when those add up to the counts, else one unit per counted check, compared as
 * counts over the folder.
 */
function counted(group: CheckovGroup, scanned: readonly Scanned[]): Expectation[] {
  const checked = scanned.filter((s) => group.types.length === 0 || group.types.includes(s.type));
  const labelled = checked.map((s) => ({ s, label: fileLabel(s.file) }));
  const passCount = labelled.filter((l) => l.label === 'pass').length;
  const failCount = labelled.filter((l) => l.label === 'fail').length;
  const { passed, failed } = group.expects;
  const consistent =
    labelled.every((l) => l.label !== undefined) &&
    (passed === undefined || passed === passCount) &&
    (failed === undefined || failed === failCount);
  if (consistent) {
    return labelled.flatMap(({ s, label }) =>
      label === 'pass' || label === 'fail'
        ? [
            expectation({
              suite: 'checkov',
              id: group.id,
              fixture: s.file,
              subject: s.name,
              expected: label,
              ours: s.ours,
            }),
          ]
        : [],
    );
  }
  const oursPassed = checked.filter((s) => s.ours === 'pass').length;
  const oursFailed = checked.filter((s) => s.ours === 'fail').length;
  const subject = `(counts: expected ${passed ?? '?'} passed, ${failed ?? '?'} failed; ours ${oursPassed} passed, ${oursFailed} failed)`;
  const units = (expected: 'pass' | 'fail', want: number | undefined, got: number): Expectation[] =>
    Array.from({ length: want ?? 0 }, (_, i) =>
      expectation({
        suite: 'checkov',
        id: group.id,
        fixture: group.files.length === 1 ? (group.files[0] as string) : group.test,
        subject,
        expected,
        ours: i < got ? expected : 'not-checked',
      }),
    );
  return [...units('pass', passed, oursPassed), ...units('fail', failed, oursFailed)];
}

/**
 * Our agreement with every Checkov test of an id we cite: the rules citing it run on the test's fixture
 * files, and each expectation says what Checkov expects and what we said.
 */
export function checkovExpectations(
  root: string,
  groups: readonly CheckovGroup[],
  rulesFor: (id: string) => readonly TemplateRule<never>[],
  now: Date,
): { expectations: Expectation[]; problems: FixtureProblem[] } {
  const expectations: Expectation[] = [];
  const problems: FixtureProblem[] = [];
  for (const group of groups) {
    const rules = rulesFor(group.id);
    if (rules.length === 0) continue;
    const scanned = scan(root, group, rules, now, problems);
    const { passing, failing } = group.expects;
    expectations.push(...(passing || failing ? named(group, scanned) : counted(group, scanned)));
  }
  return { expectations, problems };
}
