import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Document, isMap, isSeq, parseDocument } from 'yaml';

/**
 * The tests of the AWS Guard rules registry: every `*_tests.yml` / `*_tests.yaml` under `rules/`, each a
 * list of `{name, input, expectations: {rules: {RULE: PASS|FAIL|SKIP}}}`. The input is kept as YAML text
 * (short-form tags intact) so it goes through our own template parser like any user's template.
 */

export type GuardOutcome = 'PASS' | 'FAIL' | 'SKIP';

export interface GuardCase {
  /** The tests file, relative to the registry checkout. */
  readonly file: string;
  readonly name: string;
  readonly inputText: string;
  readonly rules: Readonly<Record<string, GuardOutcome>>;
}

const OUTCOMES = new Set(['PASS', 'FAIL', 'SKIP']);

function testFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (at: string) => {
    for (const name of readdirSync(at).sort()) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/_tests?\.ya?ml$/.test(name)) out.push(path);
    }
  };
  const rules = join(root, 'rules');
  if (existsSync(rules)) walk(rules);
  return out;
}

function casesOf(root: string, path: string): GuardCase[] {
  const doc = parseDocument(readFileSync(path, 'utf8'), { uniqueKeys: false });
  if (!isSeq(doc.contents)) return [];
  const cases: GuardCase[] = [];
  for (const item of doc.contents.items) {
    if (!isMap(item)) continue;
    const name = item.get('name');
    const input = item.get('input', true);
    const expectations = item.get('expectations', true)?.toJSON() as { rules?: unknown } | undefined;
    const rules: Record<string, GuardOutcome> = {};
    if (expectations && typeof expectations.rules === 'object' && expectations.rules !== null) {
      for (const [rule, outcome] of Object.entries(expectations.rules)) {
        if (typeof outcome === 'string' && OUTCOMES.has(outcome)) rules[rule] = outcome as GuardOutcome;
      }
    }
    if (typeof name !== 'string' || Object.keys(rules).length === 0) continue;
    const inputText = input === undefined || input === null ? '' : new Document(input).toString();
    cases.push({ file: relative(root, path), name, inputText, rules });
  }
  return cases;
}

export function readGuardSuite(root: string): GuardCase[] {
  return testFiles(root).flatMap((path) => casesOf(root, path));
}
