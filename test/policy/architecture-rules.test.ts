import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import type { ArchitectureRule, CheckResult } from '../../src/guardrails/rule.ts';
import { applyOperations } from '../../src/model/apply-operations.ts';
import type { Architecture } from '../../src/model/architecture.ts';
import { ArchitectureSchema } from '../../src/model/architecture.ts';
import { FixtureCost } from '../guardrails/support/fixtures.ts';
import { architectureContext } from './support/architecture-context.ts';

const rulesDir = join(import.meta.dirname, '../../src/guardrails/rules/architecture');
const fixturesDir = join(import.meta.dirname, '../guardrails/fixtures/architecture');
const ruleIds = readdirSync(rulesDir)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.slice(0, -3))
  .sort();

const Fixture = z.object({
  policyParams: z.record(z.string(), z.unknown()).optional(),
  cost: FixtureCost.optional(),
});

async function load(id: string): Promise<ArchitectureRule<unknown>> {
  const mod = (await import(join(rulesDir, `${id}.ts`))) as { default: ArchitectureRule<unknown> };
  return mod.default;
}

function run(rule: ArchitectureRule<unknown>, text: string): CheckResult[] {
  const raw = parse(text) as Record<string, unknown>;
  const { policyParams, cost } = Fixture.parse(raw);
  const { policyParams: _p, cost: _c, ...rest } = raw;
  const architecture = ArchitectureSchema.parse(rest);
  return runOn(rule, architecture, policyParams ?? {}, cost);
}

function runOn(
  rule: ArchitectureRule<unknown>,
  architecture: Architecture,
  rawParams: Record<string, unknown>,
  cost?: z.infer<typeof Fixture>['cost'],
): CheckResult[] {
  const params = rule.params ? rule.params.parse(rawParams) : {};
  const context = architectureContext(architecture, params, cost);
  const subjects =
    rule.scope === 'architecture'
      ? [undefined]
      : architecture.components.filter((c) => (rule.scope as readonly string[]).includes(c.kind));
  return subjects.flatMap((s) => {
    const r = rule.check(s, context);
    return Array.isArray(r) ? r : [r as CheckResult];
  });
}

describe('architecture rules', () => {
  it('has at least 13 rules, each id equal to its file name', async () => {
    expect(ruleIds.length).toBeGreaterThanOrEqual(13);
    for (const id of ruleIds) {
      const rule = await load(id);
      expect(rule.id).toBe(id);
      expect(rule.level).toBe('architecture');
      expect(rule.rationale.length).toBeGreaterThan(20);
    }
  });

  for (const id of ruleIds) {
    it(`${id}: the failing fixture fails, the passing one passes`, async () => {
      const rule = await load(id);
      const fail = run(rule, readFileSync(join(fixturesDir, `${id}.fail.yaml`), 'utf8'));
      expect(fail.some((r) => r.status === 'fail')).toBe(true);
      for (const r of fail) if (r.status === 'fail') expect(r.message).toMatch(/expected|exceeds/);
      const pass = run(rule, readFileSync(join(fixturesDir, `${id}.pass.yaml`), 'utf8'));
      expect(pass.filter((r) => r.status !== 'pass')).toEqual([]);
    });
  }

  it('fix operations apply to the architecture and make the failing subjects they address pass on re-check', async () => {
    for (const id of ruleIds) {
      const rule = await load(id);
      if (!rule.fix) continue;
      const raw = parse(readFileSync(join(fixturesDir, `${id}.fail.yaml`), 'utf8')) as Record<
        string,
        unknown
      >;
      const { policyParams, cost, ...rest } = raw;
      let architecture = ArchitectureSchema.parse(rest);
      const params = rule.params ? rule.params.parse(policyParams ?? {}) : {};
      const context = architectureContext(architecture, params, Fixture.parse({ cost }).cost);
      const subjects =
        rule.scope === 'architecture'
          ? [undefined]
          : architecture.components.filter((c) => (rule.scope as readonly string[]).includes(c.kind));
      const fixed: (string | undefined)[] = [];
      for (const subject of subjects) {
        const ops = rule.fix.operations(subject, context);
        if (ops.length > 0) fixed.push(subject?.id);
        if (ops.length === 0) continue;
        const applied = applyOperations(architecture, ops);
        expect({ id, applied: applied.ok ? 'ok' : applied.error.message }).toEqual({ id, applied: 'ok' });
        if (applied.ok) architecture = applied.architecture;
      }
      expect({ id, fixed: fixed.length > 0 }).toEqual({ id, fixed: true });
      const afterContext = architectureContext(architecture, params, Fixture.parse({ cost }).cost);
      for (const subjectId of fixed) {
        const subject =
          subjectId === undefined ? undefined : architecture.components.find((c) => c.id === subjectId);
        const result = rule.check(subject, afterContext);
        const after = (Array.isArray(result) ? result : [result as CheckResult]).filter(
          (r) => r.status === 'fail',
        );
        expect({ id, subjectId, after }).toEqual({ id, subjectId, after: [] });
      }
    }
  });

  it('prod-database-multi-az offers update_params multi_az true', async () => {
    const rule = await load('prod-database-multi-az');
    const text = readFileSync(join(fixturesDir, 'prod-database-multi-az.fail.yaml'), 'utf8');
    const architecture = ArchitectureSchema.parse(parse(text));
    const db = architecture.components.find((c) => c.kind === 'postgres');
    const ops = rule.fix?.operations(db, architectureContext(architecture, {}));
    expect(ops).toEqual([{ op: 'update_params', id: 'orders-db', params: { multi_az: true } }]);
    expect(rule.fix?.safe).toBe(true);
  });

  it('team-monthly-budget is unknown, not failing, without a cost estimate', async () => {
    const rule = await load('team-monthly-budget');
    const text = readFileSync(join(fixturesDir, 'team-monthly-budget.fail.yaml'), 'utf8');
    const { policyParams, cost: _cost, ...rest } = parse(text) as Record<string, unknown>;
    const results = runOn(rule, ArchitectureSchema.parse(rest), policyParams as Record<string, unknown>);
    expect(results.map((r) => r.status)).toEqual(['unknown']);
  });
});
