import type { Evaluation } from './evaluation.ts';
import type { Finding } from './rule.ts';

/** A failing `error` finding whose rule marks its fix safe: the only kind applied without asking. */
export function safeFailingError(finding: Finding): boolean {
  return finding.status === 'fail' && finding.severity === 'error' && finding.fix?.safe === true;
}

export interface FixRounds<S, A> {
  /** Whether the finding's fix can be applied to this kind of subject. */
  fixable(finding: Finding): boolean;
  /** The subject with the finding's fix applied (a copy), or undefined when it does not apply. */
  apply(subject: S, finding: Finding): S | undefined;
  /** What to report for an applied fix. */
  describe(finding: Finding): A;
  /** Re-check the fixed subject. */
  evaluate(subject: S): Evaluation;
}

/**
 * Apply fixable findings' fixes, re-check, and repeat while a round fixes something new (at most 3 rounds), so
 * a fix that reveals another fixable finding is handled too. Each applied fix is `verified` when its finding
 * no longer fails on the last re-check. Fixes that do not apply are skipped.
 */
export function fixInRounds<S, A>(
  subject: S,
  evaluation: Evaluation,
  rounds: FixRounds<S, A>,
): { subject: S; applied: (A & { verified: boolean })[]; evaluation: Evaluation } {
  let current = subject;
  let currentEvaluation = evaluation;
  const applied = new Map<string, A>();
  for (let round = 0; round < 3; round += 1) {
    let changed = false;
    for (const finding of currentEvaluation.findings) {
      if (!rounds.fixable(finding) || applied.has(finding.fingerprint)) continue;
      const fixed = rounds.apply(current, finding);
      if (fixed === undefined) continue;
      current = fixed;
      changed = true;
      applied.set(finding.fingerprint, rounds.describe(finding));
    }
    if (!changed) break;
    currentEvaluation = rounds.evaluate(current);
  }
  const stillFailing = new Set(
    currentEvaluation.findings.filter((f) => f.status === 'fail').map((f) => f.fingerprint),
  );
  const list = [...applied.entries()].map(([fp, fix]) => ({ ...fix, verified: !stillFailing.has(fp) }));
  return { subject: current, applied: list, evaluation: currentEvaluation };
}
