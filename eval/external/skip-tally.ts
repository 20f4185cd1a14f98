/** Counts items an adapter skipped, by reason (reported with the set, never silently dropped). */
export class SkipTally {
  private readonly counts = new Map<string, number>();

  skip(reason: string): void {
    this.counts.set(reason, (this.counts.get(reason) ?? 0) + 1);
  }

  toJSON(): Record<string, number> {
    return Object.fromEntries([...this.counts].sort(([a], [b]) => a.localeCompare(b)));
  }
}
