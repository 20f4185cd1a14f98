import { execFileSync } from 'node:child_process';

/** What decides a planner's answers: the planner, the intent model, the knowledge base it reads. */
const PLANNER_PATHS = ['src/planner', 'src/model', 'src/knowledge'];

/**
 * The planner's version: the last commit that changed the planner, the model or the knowledge base, short,
 * with `+uncommitted` when they have uncommitted changes. Commits elsewhere (eval sets, docs, guardrails) do
 * not change it, so a figure stays attributable when such commits are rebased.
 */
export function plannerCommit(cwd = process.cwd()): string {
  try {
    const git = (...args: string[]) =>
      execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const last = git('log', '-1', '--format=%h', '--abbrev=12', '--', ...PLANNER_PATHS);
    const dirty = git('status', '--porcelain', '--untracked-files=no', '--', ...PLANNER_PATHS) !== '';
    return dirty ? `${last}+uncommitted` : last;
  } catch {
    return 'unknown';
  }
}
