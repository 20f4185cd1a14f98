import { applyJsonPatch } from './apply-json-patch.ts';
import { evaluateTemplate } from './evaluate.ts';
import type { EvaluateOptions, Evaluation } from './evaluation.ts';
import { fixInRounds, safeFailingError } from './fix-in-rounds.ts';

export interface AppliedFix {
  ruleId: string;
  /** Logical id of the fixed resource. */
  resource: string;
  /** What the fix did, in plain words. */
  description: string;
  /** The finding no longer fails on re-check. */
  verified: boolean;
}

export interface AutoFixResult<T> {
  /** The fixed copy (the input is not changed). */
  template: T;
  applied: AppliedFix[];
  /** The re-check of the fixed template. */
  evaluation: Evaluation;
}

/**
 * Apply the safe fixes of failing `error` findings (JSON Patch on a copy), re-check, and say what changed.
 * A patch that does not apply is skipped. Repeats while a round fixes something new (at most 3 rounds), so a
 * fix that reveals another fixable finding is handled too.
 */
export function applySafeFixes<T extends Readonly<Record<string, unknown>>>(
  template: T,
  evaluation: Evaluation,
  options: EvaluateOptions,
): AutoFixResult<T> {
  const result = fixInRounds<T, Omit<AppliedFix, 'verified'>>(template, evaluation, {
    fixable: (f) => safeFailingError(f) && (f.fix?.patch?.length ?? 0) > 0 && f.resource !== undefined,
    apply: (current, finding) => {
      try {
        return applyJsonPatch(current, finding.fix?.patch ?? []);
      } catch {
        return undefined;
      }
    },
    describe: (finding) => ({
      ruleId: finding.ruleId,
      resource: finding.resource ?? '',
      description: finding.fix?.description ?? '',
    }),
    evaluate: (current) => evaluateTemplate(current, options),
  });
  const applied = result.applied.sort(
    (a, b) => a.resource.localeCompare(b.resource) || a.ruleId.localeCompare(b.ruleId),
  );
  return { template: result.subject, applied, evaluation: result.evaluation };
}
