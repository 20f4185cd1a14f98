import type { AppliedFix } from '../guardrails/auto-fix.ts';
import type { EvaluationSummary } from '../guardrails/evaluation.ts';
import type { Finding } from '../guardrails/rule.ts';
import type { StackDiff } from '../diff/stack-diff.ts';
import type { Architecture } from '../model/architecture.ts';
import type { Operation } from '../model/operations.ts';
import type { CostSummary } from './cost-summary.ts';

/** A fix applied to the proposal automatically: on the architecture (operations) or on the template (patch). */
export type ProposalFix = {
  ruleId: string;
  level: 'architecture' | 'template';
  /** The component or logical id the fix changed. */
  target: string;
  description: string;
  /** Whether the finding no longer fails after the fix. */
  verified: boolean;
  operations?: Operation[];
};

/** What one turn proposes (contract: ../shared/DESIGN.md). */
export type Proposal = {
  id: string;
  conversationId: string;
  architecture: Architecture;
  /** Findings after auto-fixes: architecture rules first, then template rules. */
  findings: Finding[];
  summary: { architecture: EvaluationSummary; template: EvaluationSummary; blocking: number };
  fixesApplied: ProposalFix[];
  template: Record<string, unknown>;
  templateYaml: string;
  /** Against the stack's baseline (or against nothing, for a stack that does not exist yet). */
  diff: StackDiff;
  cost: CostSummary | null;
  /** The stack this proposal targets, when team and environment are known. */
  stackName: string | null;
  policyVersion: number;
  /** The architecture as a Mermaid flowchart. */
  diagram: string;
  createdAt: string;
};

export type { AppliedFix };
