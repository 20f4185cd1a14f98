import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** A rule source file: `<service>/<id>.ts` under the rules directory. */
export interface RuleFile {
  readonly service: string;
  /** The file name without `.ts`: must equal the rule id. */
  readonly name: string;
  /** Path relative to the rules directory, with `/`. */
  readonly relativePath: string;
}

/** Every rule file under `rulesDir/<service>/`, sorted by service then name (helper folders `_x/` excluded). */
export function listRuleFiles(rulesDir: string): RuleFile[] {
  const files: RuleFile[] = [];
  for (const service of readdirSync(rulesDir).sort()) {
    // Folders starting with `_` or `.` hold shared helpers, not rules.
    if (service.startsWith('_') || service.startsWith('.')) continue;
    const dir = join(rulesDir, service);
    if (!statSync(dir).isDirectory()) continue;
    for (const file of readdirSync(dir).sort()) {
      if (!file.endsWith('.ts') || file.endsWith('.d.ts') || file.endsWith('.test.ts')) continue;
      if (!statSync(join(dir, file)).isFile()) continue;
      const name = file.slice(0, -'.ts'.length);
      files.push({ service, name, relativePath: `${service}/${file}` });
    }
  }
  return files;
}
