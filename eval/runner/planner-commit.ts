import { execFileSync } from 'node:child_process';

/**
 * The planner's version: the last commit that changed `src/` (the planner and the model and knowledge it
 * reads), short, with `+uncommitted` when `src/` has uncommitted changes. Commits that only touch eval sets
 * or docs do not change it, so a figure stays attributable after such commits are rebased.
 */
export function plannerCommit(cwd = process.cwd()): string {
  try {
    const git = (...args: string[]) =>
      execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const last = git('log', '-1', '--format=%h', '--abbrev=12', '--', 'src');
    return git('status', '--porcelain', '--untracked-files=no', '--', 'src') === ''
      ? last
      : `${last}+uncommitted`;
  } catch {
    return 'unknown';
  }
}
