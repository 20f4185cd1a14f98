import type { CheckedFile } from './checked-file.ts';
import { notCheckedText } from './not-checked-text.ts';
import type { UnreadableFile } from './unreadable-file.ts';

function xml(text: string): string {
  return text
    .replace(/[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

/**
 * JUnit XML for CI: a testsuite per file, a testcase per finding (fail → <failure>, unknown → <error>,
 * waived → <skipped>), one passing testcase carrying the count of passed checks, one skipped testcase for
 * resources no rule covers, and a testsuite with an <error> for each file that could not be parsed.
 */
export function formatJunit(
  files: readonly CheckedFile[],
  unreadable: readonly UnreadableFile[] = [],
): string {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let errors = 0;
  let skipped = 0;
  for (const file of files) {
    const { findings, summary } = file.evaluation;
    const cases: string[] = [];
    let suiteFailures = 0;
    let suiteErrors = 0;
    let suiteSkipped = 0;
    for (const f of findings) {
      const at = f.path ? file.locate?.(f.path) : undefined;
      const name = `${f.ruleId} ${f.resource ?? f.component ?? 'architecture'}`;
      const detail = [
        f.message,
        f.path ? `at ${f.path}${at ? ` (${file.uri}:${at.line}:${at.column})` : ''}` : '',
        f.remediation ? `how to fix: ${f.remediation}` : '',
      ]
        .filter(Boolean)
        .join('\n');
      let body: string;
      if (f.status === 'fail') {
        suiteFailures += 1;
        body = `<failure type="${f.severity}" message="${xml(f.message)}">${xml(detail)}</failure>`;
      } else if (f.status === 'unknown') {
        suiteErrors += 1;
        body = `<error type="unknown" message="${xml(f.message)}">${xml(detail)}</error>`;
      } else {
        suiteSkipped += 1;
        body = `<skipped message="${xml(`waived by ${f.waiverId ?? 'a waiver'}`)}"/>`;
      }
      cases.push(`    <testcase classname="${xml(file.uri)}" name="${xml(name)}">${body}</testcase>`);
    }
    cases.push(
      `    <testcase classname="${xml(file.uri)}" name="${xml(`${summary.passed} checks passed`)}"/>`,
    );
    const unchecked = notCheckedText(summary);
    if (unchecked) {
      suiteSkipped += 1;
      cases.push(
        `    <testcase classname="${xml(file.uri)}" name="not checked"><skipped message="${xml(unchecked)}"/></testcase>`,
      );
    }
    const count = cases.length;
    tests += count;
    failures += suiteFailures;
    errors += suiteErrors;
    skipped += suiteSkipped;
    suites.push(
      `  <testsuite name="${xml(file.uri)}" tests="${count}" failures="${suiteFailures}" errors="${suiteErrors}" skipped="${suiteSkipped}">\n${cases.join('\n')}\n  </testsuite>`,
    );
  }
  for (const file of unreadable) {
    const at = file.line !== undefined ? ` (${file.uri}:${file.line}:${file.column ?? 1})` : '';
    tests += 1;
    errors += 1;
    suites.push(
      `  <testsuite name="${xml(file.uri)}" tests="1" failures="0" errors="1" skipped="0">\n    <testcase classname="${xml(file.uri)}" name="template-parse-error"><error type="parse" message="${xml(file.message)}">${xml(`${file.message}${at}`)}</error></testcase>\n  </testsuite>`,
    );
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="infra-copilot guardrails" tests="${tests}" failures="${failures}" errors="${errors}" skipped="${skipped}">\n${suites.join('\n')}\n</testsuites>\n`;
}
