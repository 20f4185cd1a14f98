import { execFileSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import { readText } from './source-files.ts';

/** The file checkout-snapshot.ts writes beside the files it extracts: the commit they come from. */
export const SNAPSHOT_COMMIT_FILE = '.snapshot-commit';

/**
 * The commit a snapshot directory holds: from `.snapshot-commit` (written by checkout-snapshot.ts), or the
 * HEAD of a git checkout whose top is this very directory (not a repository it happens to sit in).
 */
export function snapshotCommit(dir: string): string | undefined {
  const recorded = readText(join(dir, SNAPSHOT_COMMIT_FILE))?.trim();
  if (recorded && /^[0-9a-f]{40}$/.test(recorded)) return recorded;
  try {
    const git = (...args: string[]) =>
      execFileSync('git', ['-C', dir, ...args], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim();
    if (realpathSync(git('rev-parse', '--show-toplevel')) !== realpathSync(dir)) return undefined;
    return git('rev-parse', 'HEAD');
  } catch {
    return undefined;
  }
}
