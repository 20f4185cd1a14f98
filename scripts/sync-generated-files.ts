import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface GeneratedTree {
  /** Absolute path of the directory the relative paths start from. */
  root: string;
  /** Its name in messages (e.g. `src/guardrails/rules`). */
  name: string;
  /** What it is called when up to date (e.g. `rule registry`). */
  label: string;
  /** The npm script that regenerates it. */
  script: string;
  /** Number of rules it lists, for the "wrote" message. */
  rules: number;
  /** A folder (relative to root) holding only generated files: files in it that `texts` lacks are stale. */
  ownedDir: string;
}

/**
 * Write several generated files (relative path → text) and delete stale ones in `ownedDir`; with `--check`,
 * exit 1 instead of writing when any is out of date.
 */
export function syncGeneratedFiles(tree: GeneratedTree, texts: ReadonlyMap<string, string>): void {
  const read = (path: string) => {
    try {
      return readFileSync(join(tree.root, path), 'utf8');
    } catch {
      return undefined;
    }
  };
  let owned: string[] = [];
  try {
    owned = readdirSync(join(tree.root, tree.ownedDir)).map((f) => `${tree.ownedDir}/${f}`);
  } catch {
    owned = [];
  }
  const stale = owned.filter((path) => !texts.has(path));
  const changed = [...texts].filter(([path, text]) => read(path) !== text).map(([path]) => path);
  if (process.argv.includes('--check')) {
    if (changed.length + stale.length > 0) {
      console.error(
        `${tree.name} is out of date (${[...changed, ...stale].join(', ')}): run \`npm run ${tree.script}\``,
      );
      process.exit(1);
    }
    console.log(`${tree.label} is up to date`);
    return;
  }
  if (changed.length + stale.length === 0) {
    console.log(`${tree.label} already up to date`);
    return;
  }
  mkdirSync(join(tree.root, tree.ownedDir), { recursive: true });
  for (const path of changed) writeFileSync(join(tree.root, path), texts.get(path) as string);
  for (const path of stale) rmSync(join(tree.root, path));
  console.log(
    `wrote ${changed.length} and removed ${stale.length} files of ${tree.name} (${tree.rules} rules)`,
  );
}
