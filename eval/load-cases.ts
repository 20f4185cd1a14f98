import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { EvalCase } from './case-schema.ts';
import { EvalFileSchema } from './case-schema.ts';

const here = dirname(fileURLToPath(import.meta.url));

/** The committed case files' directory. */
export const CASES_DIR = join(here, 'cases');

/** A file-name glob (`*` any run of characters, `?` one) as a whole-name matcher. */
function globMatcher(glob: string): (name: string) => boolean {
  const source = glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  const re = new RegExp(`^${source}$`);
  return (name) => re.test(name);
}

/** One case file: a set, named by its file name without `.yaml`. */
export interface CaseFile {
  name: string;
  file: string;
  text: string;
  cases: EvalCase[];
}

/**
 * The case files of eval/cases in name order, each validated; a malformed file stops with its name. `files`
 * keeps only the files whose name matches one of its comma-separated globs (e.g. `15-*.yaml`).
 */
export function loadCaseFiles(dir = CASES_DIR, files?: string): CaseFile[] {
  const matchers = (files ?? '*').split(',').map((g) => globMatcher(g.trim().replace(/^.*\//, '')));
  const keep = (name: string) => matchers.some((m) => m(name));
  const out: CaseFile[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') && keep(f))
    .sort()) {
    const text = readFileSync(join(dir, file), 'utf8');
    const parsed = EvalFileSchema.safeParse(parse(text));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`eval/cases/${file}: ${issue?.path.join('.')}: ${issue?.message}`);
    }
    out.push({ name: file.replace(/\.yaml$/, ''), file, text, cases: parsed.data });
  }
  assertUniqueIds(out.flatMap((f) => f.cases));
  return out;
}

/** Every case in eval/cases/*.yaml, in file then case order (see `loadCaseFiles`). */
export function loadCases(dir = CASES_DIR, files?: string): EvalCase[] {
  return loadCaseFiles(dir, files).flatMap((f) => f.cases);
}

/** Case ids are unique across everything played together. */
export function assertUniqueIds(cases: readonly EvalCase[]): void {
  const ids = new Set<string>();
  for (const c of cases) {
    if (ids.has(c.id)) throw new Error(`eval case id ${c.id} is used twice`);
    ids.add(c.id);
  }
}
