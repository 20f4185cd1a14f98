import { randomUUID } from 'node:crypto';
import { renderMermaid } from '../diagram/render-mermaid.ts';
import { diffTemplates } from '../diff/diff-templates.ts';
import type { StackDiff } from '../diff/stack-diff.ts';
import { applySafeFixes } from '../guardrails/auto-fix.ts';
import { evaluateArchitecture, evaluateTemplate } from '../guardrails/evaluate.ts';
import type { EvaluateOptions, Evaluation } from '../guardrails/evaluation.ts';
import type { CompiledPolicy, Waiver } from '../guardrails/policy-contract.ts';
import type { Finding, TeamDeployedCost } from '../guardrails/rule.ts';
import type { CfnTemplate } from '../knowledge/cfn.ts';
import { expandArchitecture } from '../knowledge/expand-architecture.ts';
import type { Architecture } from '../model/architecture.ts';
import { applyOperations } from '../model/apply-operations.ts';
import { canonicalTemplate } from '../render/canonical-template.ts';
import { renderTemplate } from '../render/render-template.ts';
import { summarizeCost } from './cost-summary.ts';
import { isBlocking } from './is-blocking.ts';
import type { Proposal, ProposalFix } from './proposal.ts';

export interface BuildProposalInput {
  conversationId: string;
  architecture: Architecture;
  policy: CompiledPolicy;
  waivers: readonly Waiver[];
  /** The stack's current template, or null when the stack does not exist yet. */
  baseline: Record<string, unknown> | null;
  stackName: string | null;
  /** Cost of the baseline, when known (for the diff's cost delta). */
  baselineCost?: number;
  /** The team's other deployed stacks and their cost (see `teamDeployedCost`), for the team budget rule. */
  teamCost?: TeamDeployedCost;
  now?: Date;
  id?: string;
}

export interface ProposalTimings {
  expandMs: number;
  checkMs: number;
  renderMs: number;
  diffMs: number;
}

/**
 * Builds a turn's proposal, pure (no I/O): expand the architecture, price it, check it (architecture and
 * template rules under the current policy and active waivers), apply the safe fixes of failing `error`
 * findings (architecture fixes as edit operations, template fixes as patches) and re-check, render, and diff
 * against the baseline. Calls `onStage` as it goes (for streaming progress).
 */
export function buildProposal(
  input: BuildProposalInput,
  onStage: (stage: 'checking' | 'rendering') => void = () => {},
): { proposal: Proposal; timings: ProposalTimings } {
  const now = input.now ?? new Date();
  const context = { team: input.architecture.team, environment: input.architecture.environment, now };
  const started = performance.now();

  // architecture rules first: their safe fixes change the architecture, which is then expanded
  let architecture = input.architecture;
  let template = expandArchitecture(architecture);
  let cost = summarizeCost(architecture, template);
  onStage('checking');
  const expanded = performance.now();
  const options = (arch: Architecture, costTotal: ReturnType<typeof summarizeCost>): EvaluateOptions => ({
    policy: input.policy,
    waivers: input.waivers,
    context,
    deployment: { region: arch.region, ...(input.stackName ? { stackName: input.stackName } : {}) },
    ...(costTotal
      ? {
          cost: {
            total: costTotal.pricedTotal,
            unpriced: costTotal.unpriced,
            byComponent: costTotal.byComponent,
            ...(input.teamCost ? { team: input.teamCost } : {}),
          },
        }
      : {}),
  });
  let architectureEvaluation = evaluateArchitecture(architecture, options(architecture, cost));
  const fixes: ProposalFix[] = [];
  const architectureFixes = architectureEvaluation.findings.filter(
    (f) =>
      f.status === 'fail' &&
      f.severity === 'error' &&
      f.fix?.safe === true &&
      (f.fix.operations?.length ?? 0) > 0,
  );
  if (architectureFixes.length > 0) {
    let fixed = architecture;
    const applied: Finding[] = [];
    for (const finding of architectureFixes) {
      const result = applyOperations(fixed, finding.fix?.operations ?? []);
      if (!result.ok) continue;
      fixed = result.architecture;
      applied.push(finding);
    }
    if (applied.length > 0) {
      architecture = fixed;
      template = expandArchitecture(architecture);
      cost = summarizeCost(architecture, template);
      architectureEvaluation = evaluateArchitecture(architecture, options(architecture, cost));
      const still = new Set(
        architectureEvaluation.findings.filter((f) => f.status === 'fail').map((f) => f.fingerprint),
      );
      for (const finding of applied) {
        fixes.push({
          ruleId: finding.ruleId,
          level: 'architecture',
          target: finding.component ?? input.architecture.name,
          description: finding.fix?.description ?? finding.title,
          verified: !still.has(finding.fingerprint),
          operations: finding.fix?.operations ?? [],
        });
      }
    }
  }

  const templateOptions = options(architecture, cost);
  const templateEvaluation = evaluateTemplate(
    template as unknown as Record<string, unknown>,
    templateOptions,
  );
  const autoFixed = applySafeFixes(
    template as unknown as Record<string, unknown>,
    templateEvaluation,
    templateOptions,
  );
  for (const fix of autoFixed.applied) {
    fixes.push({
      ruleId: fix.ruleId,
      level: 'template',
      target: fix.resource,
      description: fix.description,
      verified: fix.verified,
    });
  }
  const finalTemplate = autoFixed.template;
  const checked = performance.now();

  onStage('rendering');
  const rendered = renderTemplate(finalTemplate as unknown as CfnTemplate);
  const renderedAt = performance.now();
  const canonical = canonicalTemplate(finalTemplate);
  const diff: StackDiff = diffTemplates(input.baseline, canonical, {
    afterYaml: rendered.yaml,
    ...(input.baselineCost === undefined ? {} : { costBefore: input.baselineCost }),
    ...(cost ? { costAfter: cost.monthlyTotal, unpricedAfter: cost.unpriced } : {}),
  });
  const diffed = performance.now();

  const findings = [...sortFindings(architectureEvaluation), ...sortFindings(autoFixed.evaluation)];
  const blocking = findings.filter(isBlocking).length;
  const proposal: Proposal = {
    id: input.id ?? randomUUID(),
    conversationId: input.conversationId,
    architecture,
    findings,
    summary: {
      architecture: architectureEvaluation.summary,
      template: autoFixed.evaluation.summary,
      blocking,
    },
    fixesApplied: fixes,
    template: canonical,
    templateYaml: rendered.yaml,
    diff,
    cost,
    stackName: input.stackName,
    policyVersion: input.policy.version,
    diagram: renderMermaid(architecture),
    createdAt: now.toISOString(),
  };
  return {
    proposal,
    timings: {
      expandMs: expanded - started,
      checkMs: checked - expanded,
      renderMs: renderedAt - checked,
      diffMs: diffed - renderedAt,
    },
  };
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;
const STATUS_ORDER = { fail: 0, unknown: 1, waived: 2 } as const;

function sortFindings(evaluation: Evaluation): Finding[] {
  return [...evaluation.findings].sort(
    (a, b) =>
      STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      a.ruleId.localeCompare(b.ruleId) ||
      (a.component ?? a.resource ?? '').localeCompare(b.component ?? b.resource ?? '') ||
      a.fingerprint.localeCompare(b.fingerprint),
  );
}
