import type { CheckResult, ResourceView, TemplateIndex } from '../../rule.ts';
import { fail, unknown } from './check-result.ts';
import type { AccessLevel } from './iam-access-levels.ts';
import { scopableActionsAt } from './iam-access-levels.ts';
import { checkStatements, MAX_CACHED_PATTERNS } from './policy-statements.ts';

/** Compiled action globs, by pattern as written (bounded: patterns come from user templates). */
const actionPatterns = new Map<string, RegExp | string>();

/** A glob without wildcards compares as a lower-cased string; others compile once to a RegExp. */
function compileActionPattern(pattern: string): RegExp | string {
  let compiled = actionPatterns.get(pattern);
  if (compiled === undefined) {
    const lower = pattern.toLowerCase();
    if (!lower.includes('*') && !lower.includes('?')) compiled = lower;
    else {
      const source = lower
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*')
        .replace(/\?/g, '.');
      compiled = new RegExp(`^${source}$`);
    }
    if (actionPatterns.size >= MAX_CACHED_PATTERNS) actionPatterns.clear();
    actionPatterns.set(pattern, compiled);
  }
  return compiled;
}

/** IAM action glob matching (case-insensitive; `*` and `?` wildcards). */
function actionMatches(pattern: string, action: string): boolean {
  const compiled = compileActionPattern(pattern);
  const lower = action.toLowerCase();
  return typeof compiled === 'string' ? compiled === lower : compiled.test(lower);
}

/** Per candidate list (rule constants): for each pattern, which candidates it matches. */
const candidateMatches = new WeakMap<readonly string[], Map<string, readonly boolean[]>>();

function matchesOf(pattern: string, candidates: readonly string[]): readonly boolean[] {
  let byPattern = candidateMatches.get(candidates);
  if (byPattern === undefined) {
    byPattern = new Map();
    candidateMatches.set(candidates, byPattern);
  }
  let matches = byPattern.get(pattern);
  if (matches === undefined) {
    matches = candidates.map((action) => actionMatches(pattern, action));
    if (byPattern.size >= MAX_CACHED_PATTERNS) byPattern.clear();
    byPattern.set(pattern, matches);
  }
  return matches;
}

/** The actions of `candidates` that a statement's Action patterns grant. */
function grantedActions(patterns: readonly string[], candidates: readonly string[]): string[] {
  const granted: string[] = [];
  if (patterns.length === 1) {
    const matches = matchesOf(patterns[0] as string, candidates);
    for (let i = 0; i < candidates.length; i++) if (matches[i]) granted.push(candidates[i] as string);
    return granted;
  }
  for (let i = 0; i < candidates.length; i++) {
    for (const pattern of patterns) {
      if (matchesOf(pattern, candidates)[i]) {
        granted.push(candidates[i] as string);
        break;
      }
    }
  }
  return granted;
}

/** Per access level and pattern, the scopable actions it grants (bounded: patterns come from templates). */
const levelMatches = new Map<string, readonly string[]>();

/** The actions of an access level that a statement's Action patterns grant, from the IAM reference data. */
function grantedAtLevel(patterns: readonly string[], level: AccessLevel): string[] {
  const granted = new Set<string>();
  for (const pattern of patterns) {
    const key = `${level}|${pattern}`;
    let found = levelMatches.get(key);
    if (found === undefined) {
      found = scopableActionsAt(pattern, level);
      if (levelMatches.size >= MAX_CACHED_PATTERNS) levelMatches.clear();
      levelMatches.set(key, found);
    }
    for (const action of found) granted.add(action);
  }
  return [...granted];
}

/**
 * The shared shape of the "X without constraints" IAM rules: an Allow statement that grants any of
 * `actions` on Resource "*" (or with NotAction / NotResource) fails.
 */
export function checkUnconstrainedActions(
  resource: ResourceView,
  index: TemplateIndex,
  actions: readonly string[] | AccessLevel,
  what: string,
  /** Actions AWS only authorises on Resource "*" in practice, left out of the verdict. */
  exempt?: RegExp,
): CheckResult | readonly CheckResult[] {
  const atLevel = (patterns: readonly string[]) =>
    typeof actions === 'string' ? grantedAtLevel(patterns, actions) : grantedActions(patterns, actions);
  const grant = (patterns: readonly string[]) =>
    exempt ? atLevel(patterns).filter((a) => !exempt.test(a)) : atLevel(patterns);
  return checkStatements(resource, index, (s) => {
    const notAction = s.has('NotAction');
    if (!notAction.known) return unknown(`${s.path}.NotAction`, notAction.reason);
    let granted: string[];
    if (notAction.value) granted = grant(['*']);
    else {
      const action = s.values('Action');
      if (!action.known) return unknown(`${s.path}.Action`, action.reason);
      granted = grant(action.values);
    }
    if (granted.length === 0) return undefined;
    const notResource = s.has('NotResource');
    if (!notResource.known) return unknown(`${s.path}.NotResource`, notResource.reason);
    const res = s.values('Resource');
    if (!res.known) return unknown(`${s.path}.Resource`, res.reason);
    if (!notResource.value && !res.values.includes('*')) return undefined;
    const shown =
      granted.slice(0, 4).join(', ') + (granted.length > 4 ? `, ... (${granted.length} in all)` : '');
    return fail(
      s.path,
      `${what}: the statement allows ${shown} on Resource "*"; expected these actions scoped to specific resource ARNs`,
      { actions: granted, resource: '*' },
      'specific resource ARNs',
    );
  });
}
