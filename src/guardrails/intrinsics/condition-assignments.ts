import { intrinsicArg, intrinsicKey, soleKey } from './intrinsic-key.ts';
import { IntrinsicResolver } from './intrinsic-resolver.ts';
import type { ResolveContext } from './resolve-context.ts';

/** At most this many parameter combinations are tried; more and the branches stay undecided (unknown). */
const MAX_COMBINATIONS = 256;
/** A value equal to no literal in the template: "any other value" of a parameter without AllowedValues. */
const OTHER = '\u0000any other value';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parameters (and pseudo parameters) a condition depends on, through named conditions too. */
function referenced(
  expr: unknown,
  conditions: Record<string, unknown>,
  out: Set<string>,
  seen: Set<string>,
  depth = 0,
): void {
  if (depth > 100 || typeof expr !== 'object' || expr === null) return;
  if (Array.isArray(expr)) {
    for (const item of expr) referenced(item, conditions, out, seen, depth + 1);
    return;
  }
  const key = soleKey(expr);
  if (key === 'Condition' && typeof (expr as { Condition?: unknown }).Condition === 'string') {
    const name = (expr as { Condition: string }).Condition;
    if (!seen.has(name)) {
      seen.add(name);
      referenced(conditions[name], conditions, out, seen, depth + 1);
    }
    return;
  }
  if (key === 'Ref' && typeof intrinsicArg(expr, key) === 'string') {
    out.add(intrinsicArg(expr, key) as string);
    return;
  }
  for (const value of Object.values(expr)) referenced(value, conditions, out, seen, depth + 1);
}

/** Literals each `Ref` is compared with in `Fn::Equals` anywhere in the Conditions section. */
function comparedLiterals(conditions: Record<string, unknown>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const walk = (expr: unknown, depth: number): void => {
    if (depth > 100 || typeof expr !== 'object' || expr === null) return;
    if (Array.isArray(expr)) {
      for (const item of expr) walk(item, depth + 1);
      return;
    }
    if (intrinsicKey(expr) === 'Fn::Equals') {
      const pair = intrinsicArg(expr, 'Fn::Equals');
      if (Array.isArray(pair) && pair.length === 2) {
        for (const [a, b] of [pair, [...pair].reverse()]) {
          const name = soleKey(a) === 'Ref' ? (a as { Ref: unknown }).Ref : undefined;
          if (
            typeof name === 'string' &&
            (typeof b === 'string' || typeof b === 'number' || typeof b === 'boolean')
          ) {
            const set = out.get(name) ?? new Set<string>();
            set.add(String(b));
            out.set(name, set);
          }
        }
      }
    }
    for (const value of Object.values(expr)) walk(value, depth + 1);
  };
  walk(conditions, 0);
  return out;
}

/** The values worth trying for a parameter without a value: its AllowedValues, else the compared literals and "other". */
function candidates(
  name: string,
  parameters: Record<string, unknown>,
  literals: Map<string, Set<string>>,
): string[] {
  const declaration = isRecord(parameters[name]) ? parameters[name] : undefined;
  const allowed = declaration?.AllowedValues;
  if (Array.isArray(allowed) && allowed.length > 0) return allowed.map(String);
  return [...(literals.get(name) ?? []), OTHER];
}

/**
 * The combinations of truth values the named conditions can really take when they depend on parameters
 * without a value (or pseudo parameters not supplied): each such parameter takes its AllowedValues, or each
 * literal it is compared with plus "any other value", and the conditions are evaluated for every
 * combination, so only reachable branches come out (`IsProd` and `IsDev` are never both true). A condition
 * that stays undecided under a combination takes both values. Undefined when there are too many.
 */
export function conditionAssignments(
  template: Readonly<Record<string, unknown>>,
  context: ResolveContext,
  names: readonly string[],
): Record<string, boolean>[] | undefined {
  const conditions = isRecord(template.Conditions) ? template.Conditions : {};
  const parameters = isRecord(template.Parameters) ? template.Parameters : {};
  const base = new IntrinsicResolver(template, context);
  const refs = new Set<string>();
  for (const name of names) referenced(conditions[name], conditions, refs, new Set([name]));
  const literals = comparedLiterals(conditions);
  const free = [...refs].filter((ref) => !base.shallow({ Ref: ref }).known).sort();
  const choices = free.map((ref) => candidates(ref, parameters, literals));
  const total = choices.reduce((n, list) => n * list.length, 1);
  if (total > MAX_COMBINATIONS) return undefined;
  const seen = new Map<string, Record<string, boolean>>();
  const add = (assignment: Record<string, boolean>) => seen.set(JSON.stringify(assignment), assignment);
  for (let i = 0; i < total; i += 1) {
    const supplied: Record<string, string> = { ...(context.parameters ?? {}) };
    const pseudo: Partial<ResolveContext> = {};
    let rest = i;
    free.forEach((ref, k) => {
      const list = choices[k] as string[];
      const value = list[rest % list.length] as string;
      rest = Math.floor(rest / list.length);
      if (ref === 'AWS::Region') pseudo.region = value;
      else if (ref === 'AWS::AccountId') pseudo.accountId = value;
      else if (ref === 'AWS::StackName') pseudo.stackName = value;
      else if (ref === 'AWS::Partition') pseudo.partition = value;
      else supplied[ref] = value;
    });
    const resolver = new IntrinsicResolver(template, { ...context, ...pseudo, parameters: supplied });
    let partial: Record<string, boolean>[] = [{}];
    for (const name of names) {
      const r = resolver.condition(name);
      partial = r.known
        ? partial.map((a) => ({ ...a, [name]: r.value }))
        : partial.flatMap((a) => [
            { ...a, [name]: true },
            { ...a, [name]: false },
          ]);
    }
    partial.forEach(add);
  }
  return [...seen.values()];
}
