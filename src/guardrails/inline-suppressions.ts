import type { Finding } from './rule.ts';

/**
 * Suppressions template authors write for other tools, read from a resource's `Metadata`:
 *   guard:    { SuppressedRules: [RULE_NAME, ...] }                         (cfn-guard)
 *   cfn_nag:  { rules_to_suppress: [{ id: W35, reason: "..." }] }           (cfn_nag)
 *   cdk_nag:  { rules_to_suppress: [{ id: AwsSolutions-S1, reason: "..." }] }
 *   checkov:  { skip: [{ id: CKV_AWS_18, comment: "..." }] }                (Checkov)
 * An entry names our rule id or any id the rule references. Findings it covers carry
 * `suppressedInTemplate`; they are waived only where the org policy honours inline suppressions.
 */
export interface InlineSuppression {
  readonly by: 'guard' | 'cfn_nag' | 'cdk_nag' | 'checkov';
  readonly id: string;
  readonly reason?: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function entries(list: unknown, by: InlineSuppression['by'], reasonKey: string): InlineSuppression[] {
  if (!Array.isArray(list)) return [];
  const out: InlineSuppression[] = [];
  for (const item of list) {
    if (typeof item === 'string') out.push({ by, id: item });
    else if (isRecord(item) && typeof item.id === 'string') {
      const reason = item[reasonKey];
      out.push({ by, id: item.id, ...(typeof reason === 'string' ? { reason } : {}) });
    }
  }
  return out;
}

/** The suppressions in a resource's Metadata (empty when there are none). */
export function inlineSuppressions(metadata: unknown): InlineSuppression[] {
  if (!isRecord(metadata)) return [];
  const out: InlineSuppression[] = [];
  if (isRecord(metadata.guard)) out.push(...entries(metadata.guard.SuppressedRules, 'guard', 'reason'));
  if (isRecord(metadata.cfn_nag))
    out.push(...entries(metadata.cfn_nag.rules_to_suppress, 'cfn_nag', 'reason'));
  if (isRecord(metadata.cdk_nag))
    out.push(...entries(metadata.cdk_nag.rules_to_suppress, 'cdk_nag', 'reason'));
  if (isRecord(metadata.checkov)) out.push(...entries(metadata.checkov.skip, 'checkov', 'comment'));
  return out;
}

function covers(suppression: InlineSuppression, finding: Finding): boolean {
  const id = suppression.id.toLowerCase();
  return finding.ruleId.toLowerCase() === id || finding.references.some((r) => r.toLowerCase() === id);
}

/**
 * Mark the failing and unknown findings an inline suppression covers: always `suppressedInTemplate` (shown
 * with its reason), and `waived` only when `honour` (the org policy allows it). `metadataOf` gives the
 * Metadata of a resource as written.
 */
export function applyInlineSuppressions(
  findings: Finding[],
  metadataOf: (logicalId: string) => unknown,
  honour: boolean,
): void {
  const byResource = new Map<string, InlineSuppression[]>();
  for (const finding of findings) {
    if (finding.resource === undefined || finding.status === 'waived') continue;
    let list = byResource.get(finding.resource);
    if (!list) {
      list = inlineSuppressions(metadataOf(finding.resource));
      byResource.set(finding.resource, list);
    }
    const suppression = list.find((s) => covers(s, finding));
    if (!suppression) continue;
    finding.suppressedInTemplate = { ...suppression, honoured: honour };
    if (honour) {
      finding.status = 'waived';
      finding.waiverId = `template:${suppression.by}:${suppression.id}`;
    }
  }
}
