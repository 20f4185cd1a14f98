import type { CheckResult, Resolved, ResourceView } from '../../rule.ts';

/** Small builders shared by the built-in template rules, so each rule file reads as its metadata and one check. */

export const PASS: CheckResult = { status: 'pass' };

export function unknown(path: string, reason: string): CheckResult {
  return { status: 'unknown', path, reason: `${path}: ${reason}` };
}

export function fail(path: string, message: string, actual: unknown, expected: unknown): CheckResult {
  return { status: 'fail', path, message, actual, expected };
}

/** A short, stable rendering of a value for messages. */
export function show(value: unknown): string {
  if (value === undefined) return 'not set';
  if (typeof value === 'string') return `"${value}"`;
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** CloudFormation accepts booleans as strings too ("true"), and parameter values are always strings. */
export function asBool(value: unknown): boolean | undefined {
  if (value === true || value === 'true' || value === 'True') return true;
  if (value === false || value === 'false' || value === 'False') return false;
  return undefined;
}

export function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
    return Number(value);
  return undefined;
}

/** The value at a path, or the unknown result to return as is. */
export function read(resource: ResourceView, path: string): { value: unknown } | { result: CheckResult } {
  const r: Resolved = resource.get(path);
  return r.known ? { value: r.value } : { result: unknown(path, r.reason) };
}

interface BoolOptions {
  /** What CloudFormation does when the property is absent. */
  readonly absent?: boolean;
}

/** The property must be `expected` (booleans, also as strings). */
export function expectBool(
  resource: ResourceView,
  path: string,
  expected: boolean,
  what: string,
  options: BoolOptions = {},
): CheckResult {
  const r = read(resource, path);
  if ('result' in r) return r.result;
  const value = r.value === undefined ? options.absent : asBool(r.value);
  if (value === expected) return PASS;
  return fail(path, `${what}: ${path} is ${show(r.value)}; expected ${expected}`, r.value, expected);
}

/** The property must be set (a symbolic value such as `!GetAtt Key.Arn` counts as set). */
export function expectPresent(resource: ResourceView, path: string, what: string): CheckResult {
  const r = resource.has(path);
  if (!r.known) return unknown(path, r.reason);
  if (r.value) return PASS;
  return fail(path, `${what}: ${path} is not set; expected it to be set`, undefined, 'set');
}

/** Whether a string or number value is one of `list`, compared as strings, case-insensitively. */
function inList(value: unknown, list: readonly string[]): boolean {
  if (typeof value !== 'string' && typeof value !== 'number') return false;
  const text = String(value).toLowerCase();
  return list.some((item) => item.toLowerCase() === text);
}

/** The property must be one of `allowed` (compared as strings, case-insensitively). */
export function expectOneOf(
  resource: ResourceView,
  path: string,
  allowed: readonly string[],
  what: string,
  options: { readonly absent?: string } = {},
): CheckResult {
  const r = read(resource, path);
  if ('result' in r) return r.result;
  if (inList(r.value === undefined ? options.absent : r.value, allowed)) return PASS;
  const actual =
    r.value === undefined && options.absent !== undefined ? `not set (${options.absent})` : show(r.value);
  return fail(path, `${what}: ${path} is ${actual}; expected one of ${allowed.join(', ')}`, r.value, allowed);
}

/** The property must not be one of `forbidden` (compared as strings, case-insensitively). */
export function expectNoneOf(
  resource: ResourceView,
  path: string,
  forbidden: readonly string[],
  what: string,
  options: { readonly absent?: string } = {},
): CheckResult {
  const r = read(resource, path);
  if ('result' in r) return r.result;
  if (!inList(r.value === undefined ? options.absent : r.value, forbidden)) return PASS;
  const actual = r.value === undefined ? `not set (${options.absent})` : show(r.value);
  return fail(path, `${what}: ${path} is ${actual}; expected none of ${forbidden.join(', ')}`, r.value, {
    not: forbidden,
  });
}

/** The property must be a number of at least `min` (`absent` is what CloudFormation uses when unset). */
export function expectAtLeast(
  resource: ResourceView,
  path: string,
  min: number,
  what: string,
  options: { readonly absent?: number } = {},
): CheckResult {
  const r = read(resource, path);
  if ('result' in r) return r.result;
  const value = r.value === undefined ? options.absent : asNumber(r.value);
  if (value !== undefined && value >= min) return PASS;
  const actual =
    r.value === undefined
      ? `not set${options.absent !== undefined ? ` (${options.absent})` : ''}`
      : show(r.value);
  return fail(path, `${what}: ${path} is ${actual}; expected at least ${min}`, r.value, { min });
}

/** Combine per-item results: fails and unknowns are reported, a clean run is one pass. */
export function combine(results: readonly CheckResult[]): CheckResult | readonly CheckResult[] {
  const reported = results.filter((r) => r.status !== 'pass');
  return reported.length === 0 ? PASS : reported;
}

/** Run `check` for each item of the list at `path` (absent list: `onAbsent`). */
export function eachItem(
  resource: ResourceView,
  path: string,
  check: (itemPath: string, index: number) => CheckResult | readonly CheckResult[],
  onAbsent: () => CheckResult = () => PASS,
): CheckResult | readonly CheckResult[] {
  const n = resource.length(path);
  if (!n.known) return unknown(path, n.reason);
  if (n.value === undefined) return onAbsent();
  const results: CheckResult[] = [];
  for (let i = 0; i < n.value; i++) {
    const r = check(`${path}.${i}`, i);
    if (Array.isArray(r)) results.push(...(r as readonly CheckResult[]));
    else results.push(r as CheckResult);
  }
  return combine(results);
}
