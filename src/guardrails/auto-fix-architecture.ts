import type { Architecture } from '../model/architecture.ts';
import { applyOperations } from '../model/apply-operations.ts';
import type { Operation } from '../model/operations.ts';
import { evaluateArchitecture } from './evaluate.ts';
import type { EvaluateOptions, Evaluation } from './evaluation.ts';
import { fixInRounds, safeFailingError } from './fix-in-rounds.ts';

export interface AppliedArchitectureFix {
  ruleId: string;
  /** The component fixed, or undefined for a graph-level fix. */
  component: string | undefined;
  description: string;
  operations: Operation[];
  /** The finding no longer fails on re-check. */
  verified: boolean;
}

export interface ArchitectureAutoFixResult {
  architecture: Architecture;
  applied: AppliedArchitectureFix[];
  evaluation: Evaluation;
}

/**
 * Apply the safe fixes of failing `error` findings as edit operations (applyOperations, on a copy), re-check,
 * and say what changed. Operations that do not apply (invalid for the graph) are skipped.
 */
export function applySafeArchitectureFixes(
  architecture: Architecture,
  evaluation: Evaluation,
  options: EvaluateOptions,
): ArchitectureAutoFixResult {
  const result = fixInRounds<Architecture, Omit<AppliedArchitectureFix, 'verified'>>(
    architecture,
    evaluation,
    {
      fixable: (f) => safeFailingError(f) && (f.fix?.operations?.length ?? 0) > 0,
      apply: (current, finding) => {
        const applied = applyOperations(current, finding.fix?.operations ?? []);
        return applied.ok ? applied.architecture : undefined;
      },
      describe: (finding) => ({
        ruleId: finding.ruleId,
        component: finding.component,
        description: finding.fix?.description ?? '',
        operations: finding.fix?.operations ?? [],
      }),
      evaluate: (current) => evaluateArchitecture(current, options),
    },
  );
  const applied = result.applied.sort(
    (a, b) => (a.component ?? '').localeCompare(b.component ?? '') || a.ruleId.localeCompare(b.ruleId),
  );
  return { architecture: result.subject, applied, evaluation: result.evaluation };
}
