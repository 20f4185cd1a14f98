import type { ResourceView, TemplateIndex } from '../../rule.ts';

/**
 * Per evaluation memo for values several rules derive from the same resource: computed on first use, then
 * shared (the value is read-only). Kept under the template index, so it is dropped with the evaluation in
 * one piece. `compute` should be a module-level function (no closure allocated per call).
 */
const memos = new WeakMap<TemplateIndex, Map<ResourceView, Map<unknown, unknown>>>();

export function memoized<K, T>(
  index: TemplateIndex,
  resource: ResourceView,
  key: K,
  compute: (resource: ResourceView, key: K, index: TemplateIndex) => T,
): T {
  let views = memos.get(index);
  if (views === undefined) {
    views = new Map();
    memos.set(index, views);
  }
  let memo = views.get(resource);
  if (memo === undefined) {
    memo = new Map();
    views.set(resource, memo);
  } else if (memo.has(key)) return memo.get(key) as T;
  const value = compute(resource, key, index);
  memo.set(key, value);
  return value;
}
