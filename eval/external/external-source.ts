import type { EvalCase } from '../case-schema.ts';

/** The cases an external source yields from a checked-out snapshot, and the items it skipped, by reason. */
export interface ExternalSet {
  cases: EvalCase[];
  skipped: Record<string, number>;
}

/** An adapter: reads a snapshot of one public repository and derives cases from it mechanically. */
export interface ExternalSource {
  /** The set's name, used in `--external <name>=<dir>` and in eval/first-runs.json. */
  name: string;
  /** The GitHub repository the snapshot comes from (`owner/name`). */
  repo: string;
  load(dir: string): ExternalSet;
}
