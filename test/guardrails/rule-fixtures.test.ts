import { describe, expect, it } from 'vitest';
import { applyJsonPatch } from '../../src/guardrails/apply-json-patch.ts';
import { evaluateArchitecture, evaluateTemplate } from '../../src/guardrails/evaluate.ts';
import type { Finding, JsonPatchOp } from '../../src/guardrails/rule.ts';
import { builtInRuleFiles } from '../../src/guardrails/rules/index.ts';
import { applyOperations } from '../../src/model/apply-operations.ts';
import {
  expectedToFail,
  fixtureExists,
  loadArchitectureFixture,
  loadTemplateFixture,
} from './support/fixtures.ts';

const describeFinding = (f: Finding) =>
  `${f.status} ${f.resource ?? f.component ?? ''} ${f.path ?? ''}: ${f.message}`;

const templateRules = builtInRuleFiles.filter((f) => f.rule.level === 'template');
const architectureRules = builtInRuleFiles.filter((f) => f.rule.level === 'architecture');

describe.each(templateRules.map((f) => [`${f.service}/${f.rule.id}`, f] as const))(
  'template rule %s',
  (_, file) => {
    const { rule, service } = file;

    it('fails its fail fixture', () => {
      expect(fixtureExists(service, rule.id, 'fail'), 'the fail fixture exists').toBe(true);
      const { template, options } = loadTemplateFixture(rule, service, 'fail');
      const fails = evaluateTemplate(template, options).findings.filter((f) => f.ruleId === rule.id);
      expect(
        fails.filter((f) => f.status === 'fail').map(describeFinding),
        fails.map(describeFinding).join('\n'),
      ).not.toEqual([]);
    });

    it('fails every resource of its fail fixture marked `copilot:expect: fail`', () => {
      const { template, options } = loadTemplateFixture(rule, service, 'fail');
      const failing = new Set(
        evaluateTemplate(template, options)
          .findings.filter((f) => f.ruleId === rule.id && f.status === 'fail')
          .map((f) => f.resource),
      );
      const missed = expectedToFail(template).filter((id) => !failing.has(id));
      expect(missed, 'marked resources without a failing finding').toEqual([]);
    });

    it('passes its pass fixture (no fail, no unknown)', () => {
      expect(fixtureExists(service, rule.id, 'pass'), 'the pass fixture exists').toBe(true);
      const { template, options } = loadTemplateFixture(rule, service, 'pass');
      const findings = evaluateTemplate(template, options).findings.filter((f) => f.ruleId === rule.id);
      expect(findings.map(describeFinding)).toEqual([]);
    });

    if (rule.fix === undefined) return;
    it('its fix makes the fail fixture pass on re-check', () => {
      const { template, options } = loadTemplateFixture(rule, service, 'fail');
      const fails = evaluateTemplate(template, options).findings.filter(
        (f) => f.ruleId === rule.id && f.status === 'fail',
      );
      const patch: JsonPatchOp[] = fails.flatMap((f) => f.fix?.patch ?? []);
      expect(patch, 'the fix produces a patch for the fail fixture').not.toEqual([]);
      const fixed = applyJsonPatch(template, patch);
      const after = evaluateTemplate(fixed, options).findings.filter(
        (f) => f.ruleId === rule.id && f.status === 'fail',
      );
      expect(after.map(describeFinding)).toEqual([]);
    });
  },
);

describe.each(architectureRules.map((f) => [f.rule.id, f] as const))('architecture rule %s', (_, file) => {
  const { rule } = file;

  it('fails its fail fixture', () => {
    expect(fixtureExists('architecture', rule.id, 'fail'), 'the fail fixture exists').toBe(true);
    const { architecture, options } = loadArchitectureFixture(rule, 'fail');
    const findings = evaluateArchitecture(architecture, options).findings.filter((f) => f.ruleId === rule.id);
    expect(
      findings.filter((f) => f.status === 'fail').map(describeFinding),
      findings.map(describeFinding).join('\n'),
    ).not.toEqual([]);
  });

  if (rule.fix !== undefined) {
    it('its fix operations make the fail fixture pass on re-check', () => {
      const { architecture, options } = loadArchitectureFixture(rule, 'fail');
      const fails = evaluateArchitecture(architecture, options).findings.filter(
        (f) => f.ruleId === rule.id && f.status === 'fail',
      );
      const operations = fails.flatMap((f) => f.fix?.operations ?? []);
      expect(operations, 'the fix produces operations for the fail fixture').not.toEqual([]);
      const applied = applyOperations(architecture, operations);
      if (!applied.ok) throw applied.error;
      const after = evaluateArchitecture(applied.architecture, options).findings.filter(
        (f) => f.ruleId === rule.id && f.status === 'fail',
      );
      expect(after.map(describeFinding)).toEqual([]);
    });
  }

  it('passes its pass fixture (no fail, no unknown)', () => {
    expect(fixtureExists('architecture', rule.id, 'pass'), 'the pass fixture exists').toBe(true);
    const { architecture, options } = loadArchitectureFixture(rule, 'pass');
    const findings = evaluateArchitecture(architecture, options).findings.filter((f) => f.ruleId === rule.id);
    expect(findings.map(describeFinding)).toEqual([]);
  });
});
