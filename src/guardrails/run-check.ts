import { textOf } from './text-of.ts';
import type { CheckResult } from './rule.ts';

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : textOf(error);
}

function valid(result: unknown): result is CheckResult {
  if (typeof result !== 'object' || result === null) return false;
  const { status } = result as { status?: unknown };
  if (status === 'pass') return true;
  if (status === 'fail') return typeof (result as { message?: unknown }).message === 'string';
  if (status === 'unknown') return typeof (result as { reason?: unknown }).reason === 'string';
  return false;
}

/** The result standing for a check that threw. */
export function checkFailed(error: unknown): CheckResult {
  return { status: 'unknown', reason: `the rule could not run: ${errorText(error)}` };
}

/** Whether a raw check result is a single `pass` (the common case, handled without allocating). */
export function isSinglePass(raw: unknown): boolean {
  return typeof raw === 'object' && raw !== null && (raw as { status?: unknown }).status === 'pass';
}

function invalidResult(): CheckResult {
  return { status: 'unknown', reason: 'the rule returned an invalid result' };
}

/**
 * Normalize what a check returned: a list of valid results; a malformed one becomes `unknown`. A list that
 * is already valid is returned as is (results are read-only), so the common case copies nothing.
 */
export function normalizeResults(raw: unknown): readonly CheckResult[] {
  if (!Array.isArray(raw)) return [valid(raw) ? raw : invalidResult()];
  if (raw.every(valid)) return raw;
  return raw.map((r) => (valid(r) ? r : invalidResult()));
}

/**
 * Run a rule's check and normalize what comes back: a throw or a malformed result becomes `unknown` with the
 * reason, so a broken rule is visible and never silent.
 */
export function runCheck(check: () => CheckResult | readonly CheckResult[]): readonly CheckResult[] {
  let raw: unknown;
  try {
    raw = check();
  } catch (error) {
    return [checkFailed(error)];
  }
  return normalizeResults(raw);
}
