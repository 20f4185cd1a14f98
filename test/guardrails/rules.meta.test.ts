import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listRuleFiles } from '../../src/guardrails/registry/list-rule-files.ts';
import { REGISTRY_DIR, renderRuleRegistry } from '../../src/guardrails/registry/render-rule-registry.ts';
import { builtInRuleFiles } from '../../src/guardrails/rules/index.ts';
import { fixtureExists } from './support/fixtures.ts';

const rulesDir = join(import.meta.dirname, '../../src/guardrails/rules');
const SEVERITIES = ['error', 'warning', 'info'];
/** cdk-nag AwsSolutions rules that cdk-nag removed: citing them points readers at nothing. */
const RETIRED_CDK_NAG = ['AwsSolutions-EC21', 'AwsSolutions-SNS2'];

const blank = (value: unknown) => typeof value !== 'string' || value.trim() === '';

describe('the built-in rule registry', () => {
  it('registers every rule file (run `npm run rules:registry` when this fails)', () => {
    const expected = renderRuleRegistry(listRuleFiles(rulesDir));
    for (const [path, text] of expected) expect(readFileSync(join(rulesDir, path), 'utf8'), path).toBe(text);
    const generated = readdirSync(join(rulesDir, REGISTRY_DIR)).map((f) => `${REGISTRY_DIR}/${f}`);
    expect(generated.filter((path) => !expected.has(path))).toEqual([]);
  });

  it('keeps every generated registry file small (one list per service)', () => {
    const long = [...renderRuleRegistry(listRuleFiles(rulesDir))]
      .filter(([, text]) => text.split('\n').length > 400)
      .map(([path]) => path);
    expect(long).toEqual([]);
  });

  it('has rule ids equal to their file names', () => {
    const mismatched = builtInRuleFiles
      .filter((f) => f.rule?.id !== f.name)
      .map((f) => `${f.service}/${f.name}.ts declares id "${f.rule?.id}"`);
    expect(mismatched).toEqual([]);
  });

  it('has unique rule ids', () => {
    const seen = new Map<string, string>();
    const duplicates: string[] = [];
    for (const f of builtInRuleFiles) {
      const other = seen.get(f.rule.id);
      if (other) duplicates.push(`${f.rule.id}: ${other} and ${f.service}/${f.name}.ts`);
      seen.set(f.rule.id, `${f.service}/${f.name}.ts`);
    }
    expect(duplicates).toEqual([]);
  });

  it('declares the metadata every rule needs', () => {
    const problems: string[] = [];
    for (const { service, name, rule } of builtInRuleFiles) {
      const where = `${service}/${name}`;
      if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(rule.id)) problems.push(`${where}: id is not kebab-case`);
      if (blank(rule.title)) problems.push(`${where}: no title`);
      if (blank(rule.rationale)) problems.push(`${where}: no rationale`);
      if (blank(rule.remediation)) problems.push(`${where}: no remediation`);
      if (!SEVERITIES.includes(rule.severity)) problems.push(`${where}: severity "${rule.severity}"`);
      if (!Array.isArray(rule.references)) problems.push(`${where}: references is not a list`);
      if (typeof rule.check !== 'function') problems.push(`${where}: no check function`);
      if (rule.level === 'template') {
        if (service === 'architecture') problems.push(`${where}: template rule in the architecture folder`);
        if (rule.resourceTypes.length === 0) problems.push(`${where}: no resourceTypes`);
        for (const type of rule.resourceTypes) {
          if (!/^[A-Za-z0-9]+::[A-Za-z0-9]+::[A-Za-z0-9]+$/.test(type))
            problems.push(`${where}: bad type "${type}"`);
        }
      } else if (rule.level === 'architecture') {
        if (service !== 'architecture') problems.push(`${where}: architecture rule outside architecture/`);
      } else {
        problems.push(`${where}: not built with defineTemplateRule or defineArchitectureRule`);
      }
      if (rule.fix && blank(rule.fix.description)) problems.push(`${where}: fix without a description`);
    }
    expect(problems).toEqual([]);
  });

  it('cites at most one Checkov id per rule, none on architecture rules, and no retired cdk-nag id', () => {
    const problems: string[] = [];
    for (const { service, name, rule } of builtInRuleFiles) {
      const checkov = rule.references.filter((r) => /^CKV2?_AWS_\d+$/.test(r));
      if (checkov.length > 1)
        problems.push(`${service}/${name}: ${checkov.join(', ')} (one verdict per Checkov id)`);
      if (rule.level === 'architecture' && checkov.length > 0)
        problems.push(
          `${service}/${name}: ${checkov.join(', ')} on a component rule (Checkov judges resources)`,
        );
      for (const retired of rule.references.filter((r) => RETIRED_CDK_NAG.includes(r)))
        problems.push(`${service}/${name}: ${retired} is no longer a cdk-nag rule`);
    }
    expect(problems).toEqual([]);
  });

  it('has a failing and a passing fixture for every rule', () => {
    const missing: string[] = [];
    for (const { service, rule } of builtInRuleFiles) {
      for (const kind of ['fail', 'pass'] as const) {
        if (!fixtureExists(service, rule.id, kind)) {
          missing.push(`test/guardrails/fixtures/${service}/${rule.id}.${kind}.yaml`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
