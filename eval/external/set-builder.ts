import type { EvalCase } from '../case-schema.ts';
import type { ExternalSet } from './external-source.ts';

/** Gathers an adapter's cases and counts the items it skipped, by reason (reported, never silently dropped). */
export class SetBuilder {
  private readonly cases: EvalCase[] = [];
  private readonly skips = new Map<string, number>();

  skip(reason: string): void {
    this.skips.set(reason, (this.skips.get(reason) ?? 0) + 1);
  }

  /** A case, or the reason an item yields none. */
  add(made: EvalCase | string): void {
    if (typeof made === 'string') this.skip(made);
    else this.cases.push(made);
  }

  result(): ExternalSet {
    return {
      cases: this.cases,
      skipped: Object.fromEntries([...this.skips].sort(([a], [b]) => a.localeCompare(b))),
    };
  }
}
