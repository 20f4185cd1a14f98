import type { CompiledPolicy } from './policy-contract.ts';
import type { AnyRule, Severity } from './rule.ts';

export interface EffectiveRuleSettings {
  readonly enabled: boolean;
  readonly severity: Severity;
  /** Parsed parameters, or the reason they could not be parsed. */
  readonly params:
    | { readonly ok: true; readonly value: unknown }
    | { readonly ok: false; readonly reason: string };
}

function matches(list: readonly string[] | undefined, value: string | null): boolean {
  return list === undefined || (value !== null && list.includes(value));
}

/**
 * The settings a rule runs with for one team and environment: the policy's settings for the rule applied in
 * order (later matching ones win; params merge key by key), params parsed with the rule's schema.
 */
export function resolveRuleSettings(
  rule: AnyRule,
  policy: CompiledPolicy | undefined,
  team: string | null,
  environment: string | null,
): EffectiveRuleSettings {
  let enabled = true;
  let severity: Severity = rule.severity;
  const params: Record<string, unknown> = {};
  for (const setting of policy?.settings[rule.id] ?? []) {
    if (!matches(setting.when?.teams, team) || !matches(setting.when?.environments, environment)) continue;
    if (setting.enabled !== undefined) enabled = setting.enabled;
    if (setting.severity !== undefined) severity = setting.severity;
    if (setting.params) Object.assign(params, setting.params);
  }
  if (!enabled || !rule.params) return { enabled, severity, params: { ok: true, value: params } };
  const parsed = rule.params.safeParse(params);
  if (parsed.success) return { enabled, severity, params: { ok: true, value: parsed.data } };
  const reason = parsed.error.issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'params'}: ${issue.message}`)
    .join('; ');
  return {
    enabled,
    severity,
    params: { ok: false, reason: `the policy's params for ${rule.id} are invalid: ${reason}` },
  };
}
