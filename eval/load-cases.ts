import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { EvalCase } from './case-schema.ts';
import { EvalFileSchema } from './case-schema.ts';

const here = dirname(fileURLToPath(import.meta.url));

/** A file-name glob (`*` any run of characters, `?` one) as a whole-name matcher. */
function globMatcher(glob: string): (name: string) => boolean {
  const source = glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  const re = new RegExp(`^${source}$`);
  return (name) => re.test(name);
}

/**
 * Every case in eval/cases/*.yaml, in file then case order; a malformed file stops with its name.
 * `files` keeps only the files whose name matches one of its comma-separated globs (e.g. `15-*.yaml`).
 */
export function loadCases(dir = join(here, 'cases'), files?: string): EvalCase[] {
  const matchers = (files ?? '*').split(',').map((g) => globMatcher(g.trim().replace(/^.*\//, '')));
  const keep = (name: string) => matchers.some((m) => m(name));
  const out: EvalCase[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') && keep(f))
    .sort()) {
    const parsed = EvalFileSchema.safeParse(parse(readFileSync(join(dir, file), 'utf8')));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`eval/cases/${file}: ${issue?.path.join('.')}: ${issue?.message}`);
    }
    out.push(...parsed.data);
  }
  const ids = new Set<string>();
  for (const c of out) {
    if (ids.has(c.id)) throw new Error(`eval case id ${c.id} is used twice`);
    ids.add(c.id);
  }
  return out;
}
