import type { EvaluationContext, Waiver } from './policy-contract.ts';
import type { Finding } from './rule.ts';

/** Whether a waiver is in force at `now`: not revoked and not yet expired. */
export function waiverActive(waiver: Waiver, now: Date): boolean {
  if (waiver.revokedAt) return false;
  const expires = Date.parse(waiver.expiresAt);
  return Number.isFinite(expires) && now.getTime() < expires;
}

/** Whether every scope field the waiver sets matches the finding and the evaluation context. */
export function waiverCovers(waiver: Waiver, finding: Finding, context: EvaluationContext): boolean {
  const { scope } = waiver;
  if (waiver.ruleId !== finding.ruleId) return false;
  if (scope.team !== undefined && scope.team !== context.team) return false;
  if (scope.environment !== undefined && scope.environment !== context.environment) return false;
  if (scope.component !== undefined && scope.component !== finding.component) return false;
  if (scope.resource !== undefined && scope.resource !== finding.resource) return false;
  if (scope.fingerprint !== undefined && scope.fingerprint !== finding.fingerprint) return false;
  return true;
}

/**
 * Mark failing and unknown findings covered by an active waiver as `waived` (with the waiver id; the
 * first by id when several match). Returns new finding objects; the inputs are not changed.
 */
export function applyWaivers(
  findings: readonly Finding[],
  waivers: readonly Waiver[],
  context: EvaluationContext,
): Finding[] {
  const now = context.now ?? new Date();
  const byRule = new Map<string, Waiver[]>();
  for (const waiver of [...waivers].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    if (!waiverActive(waiver, now)) continue;
    const list = byRule.get(waiver.ruleId);
    if (list) list.push(waiver);
    else byRule.set(waiver.ruleId, [waiver]);
  }
  if (byRule.size === 0) return [...findings];
  return findings.map((finding) => {
    const waiver = byRule.get(finding.ruleId)?.find((w) => waiverCovers(w, finding, context));
    return waiver ? { ...finding, status: 'waived', waiverId: waiver.id } : finding;
  });
}
