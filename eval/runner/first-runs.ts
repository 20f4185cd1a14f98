import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseJson } from '../../src/json/parse-json.ts';

/** The committed record of each set's first figures (never overwritten). */
export const FIRST_RUNS_PATH = join(dirname(fileURLToPath(import.meta.url)), '..', 'first-runs.json');

/** What a set was read from: a committed case file (with its content digest), or a repository snapshot. */
const SourceSchema = z.union([
  z.strictObject({ file: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
  z.strictObject({ repo: z.string(), commit: z.string().regex(/^[0-9a-f]{40}$/) }),
]);

const FiguresSchema = z.strictObject({
  cases: z.number().int(),
  kindF1: z.number(),
  edgeF1: z.number(),
  params: z.number().nullable(),
  teamEnvironment: z.number().nullable(),
  fullyRight: z.number().int(),
});
export type RecordedFigures = z.infer<typeof FiguresSchema>;

const EntrySchema = z.strictObject({
  set: z.string(),
  planner: z.enum(['embedded', 'llm']),
  source: SourceSchema,
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** The planner's version: the last commit that changed src/planner, src/model or src/knowledge. */
  plannerCommit: z.string(),
  figures: FiguresSchema,
});
export type FirstRunEntry = z.infer<typeof EntrySchema>;

/**
 * `first-run`: each set's figures the first time a planner played it, before anyone read its misses or tuned
 * on it. `baseline-old-planner`: the same sets played once by the planner the rebuild replaces.
 */
const FileSchema = z.strictObject({
  'first-run': z.array(EntrySchema).default([]),
  'baseline-old-planner': z.array(EntrySchema).default([]),
});
export type FirstRuns = z.infer<typeof FileSchema>;
export type RecordKey = keyof FirstRuns;

/** Reads the file (an absent file is empty); a malformed one stops with the path and the field. */
export function loadFirstRuns(path = FIRST_RUNS_PATH): FirstRuns {
  if (!existsSync(path)) return { 'first-run': [], 'baseline-old-planner': [] };
  const json = parseJson(readFileSync(path, 'utf8'));
  if (!json.ok) throw new Error(`${path}: not JSON: ${json.error}`);
  const parsed = FileSchema.safeParse(json.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${path}: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return parsed.data;
}

export function findEntry(
  runs: FirstRuns,
  key: RecordKey,
  set: string,
  planner: string,
): FirstRunEntry | undefined {
  return runs[key].find((e) => e.set === set && e.planner === planner);
}

/**
 * Adds an entry unless the set already has one for that planner under that key: a first run is recorded once
 * and never replaced. Returns whether it was added.
 */
export function addEntry(runs: FirstRuns, key: RecordKey, entry: FirstRunEntry): boolean {
  if (findEntry(runs, key, entry.set, entry.planner)) return false;
  runs[key].push(EntrySchema.parse(entry));
  runs[key].sort((a, b) => a.set.localeCompare(b.set) || a.planner.localeCompare(b.planner));
  return true;
}

export function saveFirstRuns(runs: FirstRuns, path = FIRST_RUNS_PATH): void {
  writeFileSync(path, `${JSON.stringify(runs, null, 2)}\n`);
}
