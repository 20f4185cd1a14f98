import type { CompiledPolicy, EvaluationContext, Waiver } from './policy-contract.ts';
import type { AnyRule, ArchitectureCost, Finding } from './rule.ts';

export interface EvaluationSummary {
  /** Failing (not waived) findings by severity. */
  errors: number;
  warnings: number;
  infos: number;
  /** Findings that could not be decided (any severity, not waived). */
  unknown: number;
  waived: number;
  /** Checks that passed (one per rule result). */
  passed: number;
  /** Enabled rules of the evaluated level. */
  rulesEvaluated: number;
  /** Resources (template, as written: a SAM resource counts once) or components (architecture) evaluated. */
  resources: number;
  /**
   * Resources (or components) no enabled rule covers: nothing was checked on them, and the report says so
   * ("not checked: 3 resources of types …") rather than passing them in silence.
   */
  notChecked: number;
  /** The same by resource type (or component kind), sorted by type. */
  notCheckedTypes: Record<string, number>;
  /** Findings left out because a baseline file accepts them (`check --baseline`); absent otherwise. */
  baselined?: number;
}

export interface Evaluation {
  findings: Finding[];
  summary: EvaluationSummary;
}

export interface EvaluateOptions {
  policy?: CompiledPolicy;
  waivers?: readonly Waiver[];
  context: EvaluationContext;
  /** The rules to run; default the built-in pack plus the policy's custom rules. */
  rules?: readonly AnyRule[];
  /** Monthly cost estimate, for architecture rules (budgets). */
  cost?: ArchitectureCost;
  /** Deployment facts for pseudo parameters (AWS::Region, ...); unknown when absent. */
  deployment?: { region?: string; accountId?: string; stackName?: string; stackId?: string };
}
