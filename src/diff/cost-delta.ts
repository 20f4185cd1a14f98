import type { DiffTemplatesOptions } from './diff-templates.ts';
import type { CostDelta } from './stack-diff.ts';

/**
 * The cost part of a diff: before, after and delta, rounded to cents; a side with something unpriced (or given
 * as null) is unknown, and so is the delta. Null when the caller gave no figures.
 */
export function costDeltaOf(newStack: boolean, options: DiffTemplatesOptions): CostDelta | null {
  const after = options.costAfter;
  const before = options.costBefore ?? (newStack ? 0 : undefined);
  if (after === undefined || before === undefined) return null;
  const unpriced = { before: [...(options.unpricedBefore ?? [])], after: [...(options.unpricedAfter ?? [])] };
  // An unknown side (null, or something unpriced) makes the figure and the delta unknown: never a lower number.
  const monthlyBefore = before === null || unpriced.before.length > 0 ? null : cents(before);
  const monthlyAfter = after === null || unpriced.after.length > 0 ? null : cents(after);
  // The delta of the rounded figures, so that before + delta = after as displayed.
  const monthlyDelta =
    monthlyBefore === null || monthlyAfter === null ? null : cents(monthlyAfter - monthlyBefore);
  return { currency: 'USD', monthlyBefore, monthlyAfter, monthlyDelta, unpriced };
}

function cents(value: number): number {
  return Math.round(value * 100) / 100;
}
