/**
 * `npm run conformance -- --checkov DIR --guard DIR [--templates DIR] [--date YYYY-MM-DD]`: measures the
 * built-in rules against external references checked out at run time (never committed):
 * - `--checkov`: a bridgecrewio/checkov checkout; its CloudFormation check tests' fixtures, for every Checkov
 *   id a rule cites (read from the rules' references);
 * - `--guard`: an aws-cloudformation/aws-guard-rules-registry checkout; its rules' tests, for the registry
 *   rules mapped in conformance/guard-rule-map.yaml (valid, unsuppressed expectations);
 * - `--templates`: an aws-cloudformation/aws-cloudformation-templates checkout; whether every template parses.
 * Prints agreement per id and overall, and every disagreement with the committed adjudication
 * (conformance/adjudications.yaml) saying who is right and why.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadAdjudications } from './adjudications.ts';
import { checkovExpectations } from './checkov/checkov-expectations.ts';
import { readCheckovSuite } from './checkov/read-checkov-suite.ts';
import { CHECKOV_ID, citedRules } from './cited-rules.ts';
import type { Expectation } from './expectation.ts';
import { formatSuite, staleAdjudications } from './format-report.ts';
import { guardExpectations } from './guard/guard-expectations.ts';
import { loadGuardRuleMap } from './guard/load-guard-rule-map.ts';
import { readGuardSuite } from './guard/read-guard-suite.ts';
import { templateRules } from './our-verdicts.ts';
import { parseTemplates } from './templates/parse-templates.ts';

const CHECKOV_TARGET = 0.97;
const GUARD_TARGET = 0.95;

const { values } = parseArgs({
  options: {
    checkov: { type: 'string' },
    guard: { type: 'string' },
    templates: { type: 'string' },
    date: { type: 'string' },
  },
});

if (!values.checkov && !values.guard && !values.templates) {
  console.error(
    'usage: npm run conformance -- [--checkov DIR] [--guard DIR] [--templates DIR] [--date YYYY-MM-DD]',
  );
  process.exit(2);
}
const now = values.date ? new Date(`${values.date}T00:00:00Z`) : new Date();
if (Number.isNaN(now.getTime())) {
  console.error(`--date: expected YYYY-MM-DD, got "${values.date}"`);
  process.exit(2);
}

const here = import.meta.dirname;
const judged = loadAdjudications(join(here, 'adjudications.yaml'));
const rules = templateRules();
const sections: string[] = [];
const measured: Expectation[] = [];
const suites = new Set<'checkov' | 'guard'>();

if (values.checkov) {
  const cited = citedRules(rules, (reference) => CHECKOV_ID.test(reference));
  const groups = readCheckovSuite(values.checkov);
  const { expectations, problems } = checkovExpectations(
    values.checkov,
    groups,
    (id) => cited.get(id) ?? [],
    now,
  );
  const report = formatSuite('Checkov', expectations, judged, CHECKOV_TARGET, 'each id');
  measured.push(...expectations);
  suites.add('checkov');
  const ids = new Set(expectations.map((e) => e.id));
  const withoutFixtures = [...cited.keys()].filter((id) => !ids.has(id)).sort();
  sections.push(report.text);
  if (withoutFixtures.length > 0)
    sections.push(`Checkov: cited ids without fixtures: ${withoutFixtures.join(', ')}`);
  if (problems.length > 0)
    sections.push(
      [
        'Checkov: fixtures we could not read',
        ...problems.map((p) => `  ${p.id} ${p.fixture}: ${p.problem}`),
      ].join('\n'),
    );
}

if (values.guard) {
  const map = loadGuardRuleMap(join(here, 'guard-rule-map.yaml'), rules);
  const { expectations, excluded } = guardExpectations(readGuardSuite(values.guard), map.rulesFor, now);
  sections.push(formatSuite('Guard registry', expectations, judged, GUARD_TARGET, 'overall').text);
  measured.push(...expectations);
  suites.add('guard');
  sections.push(
    `Guard registry: not counted: ${[...excluded.entries()].map(([why, n]) => `${n} ${why}`).join(', ') || 'none'}`,
  );
  if (map.missing.length > 0)
    sections.push(`Guard registry: mapped to rules we do not have: ${map.missing.join(', ')}`);
}

const stale = staleAdjudications(judged, measured, suites);
if (stale.length > 0)
  sections.push(
    [
      'Adjudications that match no disagreement (stale: remove them from conformance/adjudications.yaml)',
      ...stale.map((a) => `  ${a.suite} ${a.id} ${a.fixture} ${a.subject}`),
    ].join('\n'),
  );

if (values.templates) {
  const report = parseTemplates(values.templates);
  const out = [
    `Templates: ${report.parsed} of ${report.files} files parse; ${report.notTemplates.length} are not templates, ${report.rainSources.length} are Rain sources, ${report.failed.length} fail`,
    ...report.failed.map((f) => `  ${f.file}: ${f.reason}`),
  ];
  sections.push(out.join('\n'));
}

console.log(sections.join('\n\n'));
