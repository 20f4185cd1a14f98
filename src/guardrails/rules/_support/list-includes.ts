import type { CheckResult, ResourceView } from '../../rule.ts';
import { fail, PASS, unknown } from './check-result.ts';

/**
 * The list at `path` must include at least one of `wanted` (case-sensitive, as CloudFormation compares log
 * types). Items are read one by one, so a symbolic item only matters when no other item is wanted.
 */
export function expectListIncludes(
  resource: ResourceView,
  path: string,
  wanted: readonly string[],
  what: string,
): CheckResult {
  const n = resource.length(path);
  if (!n.known) return unknown(path, n.reason);
  let pending: CheckResult | undefined;
  for (let i = 0; i < (n.value ?? 0); i++) {
    const item = resource.get(`${path}.${i}`);
    if (!item.known) pending ??= unknown(`${path}.${i}`, item.reason);
    else if (typeof item.value === 'string' && wanted.includes(item.value)) return PASS;
  }
  if (pending) return pending;
  const actual = n.value === undefined ? 'not set' : n.value === 0 ? 'empty' : 'without any of them';
  return fail(path, `${what}: ${path} is ${actual}; expected one of ${wanted.join(', ')}`, undefined, wanted);
}
