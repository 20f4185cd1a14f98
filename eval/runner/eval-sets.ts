import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import type { EvalCase } from '../case-schema.ts';
import { EXTERNAL_SOURCES, externalSource } from '../external/external-sources.ts';
import { snapshotCommit } from '../external/snapshot-commit.ts';
import { assertUniqueIds, CASES_DIR, loadCaseFiles } from '../load-cases.ts';
import type { EvalArgs } from './eval-args.ts';
import { EvalUsageError } from './eval-args.ts';

/** The tag that marks a committed case file as held out (every case carries it). */
export const HELD_OUT_TAG = 'held-out';

/** A set of cases scored together and recorded under its name. */
export interface EvalSet {
  name: string;
  /** Printed before the name: external sets are `ext`. */
  label: string;
  source: { file: string; sha256: string } | { repo: string; commit: string | undefined };
  cases: EvalCase[];
  /**
   * Held out: its first run is recorded before its misses are ever shown. A committed file is held out when
   * every case carries the `held-out` tag; an external set always is.
   */
  heldOut: boolean;
  /** External sets: source items skipped, by reason. */
  skipped?: Record<string, number>;
}

function committedSets(args: EvalArgs, casesDir: string): EvalSet[] {
  if (args.externalOnly) return [];
  return loadCaseFiles(casesDir, args.cases).map((f) => ({
    name: f.name,
    label: '',
    source: { file: `eval/cases/${f.file}`, sha256: createHash('sha256').update(f.text).digest('hex') },
    cases: f.cases,
    heldOut: f.cases.length > 0 && f.cases.every((c) => c.tags.includes(HELD_OUT_TAG)),
  }));
}

function externalSets(args: EvalArgs): EvalSet[] {
  return args.externals.map(({ name, dir }) => {
    const source = externalSource(name);
    if (source === undefined) {
      throw new EvalUsageError(
        `--external ${name}: unknown set; expected one of ${EXTERNAL_SOURCES.map((s) => s.name).join(', ')}`,
      );
    }
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      throw new EvalUsageError(
        `--external ${name}=${dir}: expected a directory holding a snapshot of ${source.repo}`,
      );
    }
    const { cases, skipped } = source.load(dir);
    return {
      name,
      label: 'ext',
      source: { repo: source.repo, commit: snapshotCommit(dir) },
      cases,
      heldOut: true,
      skipped,
    };
  });
}

/** The committed sets (one per case file) and the external sets the arguments name; ids unique across all. */
export function collectSets(args: EvalArgs, casesDir = CASES_DIR): EvalSet[] {
  const sets = [...committedSets(args, casesDir), ...externalSets(args)];
  assertUniqueIds(sets.flatMap((s) => s.cases));
  return sets;
}
