/**
 * `npx tsx eval/external/checkout-snapshot.ts <git-dir> <out-dir>`: writes the files of a repository's HEAD
 * into `out-dir` (which must not exist) and the commit into `out-dir/.snapshot-commit`. Unlike `git archive`
 * or `git worktree add`, it tolerates a partial clone: blobs the clone does not hold (large assets) are left
 * out and counted. The external sets read only text files.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { SNAPSHOT_COMMIT_FILE } from './snapshot-commit.ts';

export interface CheckoutResult {
  commit: string;
  written: number;
  missing: string[];
}

export function checkoutSnapshot(gitDir: string, outDir: string): CheckoutResult {
  if (existsSync(outDir)) throw new Error(`${outDir} exists already: give a new directory`);
  const git = (args: string[], input?: string) => {
    const run = spawnSync('git', [`--git-dir=${gitDir}`, ...args], { input, maxBuffer: 4 * 1024 ** 3 });
    if (run.status !== 0) throw new Error(`git ${args[0]} failed: ${run.stderr.toString().trim()}`);
    return run.stdout;
  };
  const commit = execFileSync('git', [`--git-dir=${gitDir}`, 'rev-parse', 'HEAD'], {
    encoding: 'utf8',
  }).trim();
  const entries = git(['ls-tree', '-r', '-z', commit])
    .toString('utf8')
    .split('\0')
    .filter((line) => line.length > 0)
    .map((line) => {
      const [meta = '', path = ''] = line.split('\t');
      const [, type, sha] = meta.split(' ');
      return { type, sha: sha ?? '', path };
    })
    .filter((e) => e.type === 'blob');
  const top = resolve(outDir);
  mkdirSync(top, { recursive: true });
  const output = git(['cat-file', '--batch'], entries.map((e) => `${e.sha}\n`).join(''));
  const missing: string[] = [];
  let at = 0;
  let written = 0;
  for (const entry of entries) {
    const eol = output.indexOf(10, at);
    const header = output.subarray(at, eol).toString('utf8');
    at = eol + 1;
    if (header.endsWith(' missing')) {
      missing.push(entry.path);
      continue;
    }
    const size = Number(header.split(' ')[2]);
    const target = resolve(top, entry.path);
    if (!target.startsWith(top + sep)) throw new Error(`refusing to write outside ${outDir}: ${entry.path}`);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, output.subarray(at, at + size));
    at += size + 1;
    written++;
  }
  writeFileSync(join(top, SNAPSHOT_COMMIT_FILE), `${commit}\n`);
  return { commit, written, missing };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [gitDir, outDir] = process.argv.slice(2);
  if (!gitDir || !outDir) {
    console.error('usage: npx tsx eval/external/checkout-snapshot.ts <git-dir> <out-dir>');
    process.exit(2);
  }
  const result = checkoutSnapshot(gitDir, outDir);
  console.log(
    `${outDir}: ${result.written} files of ${result.commit}, ${result.missing.length} absent from the clone`,
  );
  for (const path of result.missing) console.log(`  absent: ${path}`);
}
