import type { ValueDifference } from './stack-diff.ts';

const LIMIT = 50;

/**
 * The leaves that differ between two property values (objects and lists), as dot paths with numeric list
 * indexes (`Policies.0.PolicyDocument.Statement.0.Action`), keys in sorted order, at most 50. Empty when
 * either value is a scalar (the property change itself says it all).
 */
export function valueDifferences(before: unknown, after: unknown, basePath: string): ValueDifference[] {
  if (!isContainer(before) || !isContainer(after)) return [];
  const out: ValueDifference[] = [];
  walk(before, after, basePath, out);
  return out;
}

function walk(before: unknown, after: unknown, path: string, out: ValueDifference[]): void {
  if (out.length >= LIMIT || same(before, after)) return;
  if (Array.isArray(before) && Array.isArray(after)) {
    const length = Math.max(before.length, after.length);
    for (let i = 0; i < length; i++) walk(before[i] ?? null, after[i] ?? null, `${path}.${i}`, out);
    return;
  }
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    for (const key of keys) walk(before[key] ?? null, after[key] ?? null, `${path}.${key}`, out);
    return;
  }
  out.push({ path, before, after });
}

function same(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

function isContainer(value: unknown): boolean {
  return typeof value === 'object' && value !== null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
