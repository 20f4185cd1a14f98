import { execFileSync } from 'node:child_process';

/** The project's git commit (short), with `+uncommitted` when the working tree has changes. */
export function plannerCommit(cwd = process.cwd()): string {
  try {
    const git = (...args: string[]) =>
      execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const head = git('rev-parse', '--short=12', 'HEAD');
    return git('status', '--porcelain', '--untracked-files=no') === '' ? head : `${head}+uncommitted`;
  } catch {
    return 'unknown';
  }
}
