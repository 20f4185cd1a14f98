import type { AnyRule } from '../../guardrails/rule.ts';

/** A `--check` / `--skip-check` entry: a rule id or any id it references (Checkov, cdk-nag), `*` as wildcard. */
function matcher(pattern: string): (id: string) => boolean {
  if (!pattern.includes('*')) {
    const wanted = pattern.toLowerCase();
    return (id) => id.toLowerCase() === wanted;
  }
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  const regex = new RegExp(`^${source}$`, 'i');
  return (id) => regex.test(id);
}

/** The ids a rule answers to: its own and its references that are ids (not links). */
function idsOf(rule: AnyRule): string[] {
  return [rule.id, ...rule.references.filter((r) => !/^https?:/.test(r))];
}

export interface RuleSelection {
  readonly rules: readonly AnyRule[];
  /** Patterns that matched no rule (most likely a typo): reported, so a skip is never silently void. */
  readonly unmatched: readonly string[];
}

/**
 * The rules `--check` keeps (all when empty) minus those `--skip-check` removes, matched by rule id or by any
 * referenced id (`CKV_AWS_18`, `AwsSolutions-S1`), case-insensitive, `*` as a wildcard.
 */
export function selectRules(
  all: readonly AnyRule[],
  only: readonly string[],
  skip: readonly string[],
): RuleSelection {
  const onlyMatchers = only.map((p) => ({ pattern: p, test: matcher(p), hit: false }));
  const skipMatchers = skip.map((p) => ({ pattern: p, test: matcher(p), hit: false }));
  const rules = all.filter((rule) => {
    const ids = idsOf(rule);
    let kept = onlyMatchers.length === 0;
    for (const m of onlyMatchers) {
      if (ids.some(m.test)) {
        m.hit = true;
        kept = true;
      }
    }
    for (const m of skipMatchers) {
      if (ids.some(m.test)) {
        m.hit = true;
        kept = false;
      }
    }
    return kept;
  });
  const unmatched = [...onlyMatchers, ...skipMatchers].filter((m) => !m.hit).map((m) => m.pattern);
  return { rules, unmatched };
}

/** `--check a,b --check c` → `[a, b, c]`. */
export function splitIds(values: readonly string[] | undefined): string[] {
  return (values ?? [])
    .flatMap((value) => value.split(','))
    .map((id) => id.trim())
    .filter(Boolean);
}
