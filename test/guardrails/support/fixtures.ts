import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import type { CfnTemplate } from '../../../src/cfn/cfn-template.ts';
import { parseTemplateSource } from '../../../src/cfn/parse-template-source.ts';
import type { EvaluateOptions } from '../../../src/guardrails/evaluation.ts';
import type { CompiledPolicy } from '../../../src/guardrails/policy-contract.ts';
import type { AnyRule } from '../../../src/guardrails/rule.ts';
import type { Architecture } from '../../../src/model/architecture.ts';
import { ArchitectureSchema } from '../../../src/model/architecture.ts';

export const fixturesDir = join(import.meta.dirname, '../fixtures');

export type FixtureKind = 'fail' | 'pass';

export function fixturePath(service: string, ruleId: string, kind: FixtureKind): string {
  return join(fixturesDir, service, `${ruleId}.${kind}.yaml`);
}

export function fixtureExists(service: string, ruleId: string, kind: FixtureKind): boolean {
  return existsSync(fixturePath(service, ruleId, kind));
}

/** The cost an architecture fixture sets: its own total and, for budget rules, the team's other stacks. */
export const FixtureCost = z.object({
  total: z.number(),
  byComponent: z.record(z.string(), z.number()),
  team: z
    .object({
      stacks: z.array(
        z.object({ stackName: z.string(), monthly: z.number(), unpriced: z.array(z.string()) }),
      ),
    })
    .optional(),
});

/**
 * Optional test settings in a template fixture: `Metadata: { copilot:fixture: {team, environment,
 * parameters, policyParams} }`. They set the evaluation context and the rule's policy params.
 */
const FixtureSettings = z.object({
  team: z.string().nullable().optional(),
  environment: z.string().nullable().optional(),
  parameters: z.record(z.string(), z.string()).optional(),
  policyParams: z.record(z.string(), z.unknown()).optional(),
  cost: FixtureCost.optional(),
});

function policyWith(rule: AnyRule, params: Record<string, unknown> | undefined): CompiledPolicy | undefined {
  if (!params) return undefined;
  return { version: 0, customRules: [], settings: { [rule.id]: [{ params }] }, waiverMaxDays: 90 };
}

/**
 * Logical ids of a fail fixture's resources marked `Metadata: {copilot:expect: fail}`: each case a rule was
 * fixed for keeps its own failing resource, so the fixture test checks that very resource fails.
 */
export function expectedToFail(template: CfnTemplate): string[] {
  return Object.entries(template.Resources)
    .filter(
      ([, resource]) =>
        (resource.Metadata as Record<string, unknown> | undefined)?.['copilot:expect'] === 'fail',
    )
    .map(([id]) => id);
}

export interface TemplateFixture {
  template: CfnTemplate;
  options: EvaluateOptions;
}

export function loadTemplateFixture(rule: AnyRule, service: string, kind: FixtureKind): TemplateFixture {
  const { template } = parseTemplateSource(readFileSync(fixturePath(service, rule.id, kind), 'utf8'));
  const metadata = (template.Metadata ?? {}) as Record<string, unknown>;
  const settings = FixtureSettings.parse(metadata['copilot:fixture'] ?? {});
  const policy = policyWith(rule, settings.policyParams);
  return {
    template,
    options: {
      rules: [rule],
      context: {
        team: settings.team ?? null,
        environment: settings.environment ?? null,
        ...(settings.parameters ? { parameters: settings.parameters } : {}),
      },
      ...(policy ? { policy } : {}),
    },
  };
}

export interface ArchitectureFixture {
  architecture: Architecture;
  options: EvaluateOptions;
}

/** An architecture fixture: an Architecture object plus optional top-level `policyParams:` and `cost:`. */
export function loadArchitectureFixture(rule: AnyRule, kind: FixtureKind): ArchitectureFixture {
  const raw = parse(readFileSync(fixturePath('architecture', rule.id, kind), 'utf8')) as Record<
    string,
    unknown
  >;
  const { policyParams, cost, ...rest } = raw;
  const settings = FixtureSettings.parse({ policyParams, cost });
  const architecture = ArchitectureSchema.parse(rest);
  const policy = policyWith(rule, settings.policyParams);
  return {
    architecture,
    options: {
      rules: [rule],
      context: { team: architecture.team, environment: architecture.environment },
      ...(policy ? { policy } : {}),
      ...(settings.cost ? { cost: settings.cost } : {}),
    },
  };
}
