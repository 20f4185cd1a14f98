import type { Planner, PlannerName } from '../../src/planner/planner.ts';
import type { Tally } from '../score.ts';
import { emptyTally, figures } from '../score.ts';
import type { EvalArgs } from './eval-args.ts';
import { EvalUsageError, parseEvalArgs } from './eval-args.ts';
import type { EvalSet } from './eval-sets.ts';
import { collectSets, HELD_OUT_TAG } from './eval-sets.ts';
import type { FirstRunEntry, FirstRuns, RecordKey } from './first-runs.ts';
import { addEntry, FIRST_RUNS_PATH, findEntry, loadFirstRuns, saveFirstRuns } from './first-runs.ts';
import { plannerCommit } from './planner-commit.ts';
import { StageScores } from '../stage-scores.ts';
import { playSet } from './play-set.ts';
import { headerLine, noteLine, recordedFigures, setLine } from './report-table.ts';

export interface EvalIo {
  out: (line: string) => void;
  env: Record<string, string | undefined>;
  casesDir?: string;
  firstRunsPath?: string;
  /** Builds a planner by name; the default builds the project's planners. */
  makePlanner?: (name: PlannerName, env: EvalIo['env']) => Promise<Planner>;
  today?: () => string;
  commit?: () => string;
}

async function projectPlanner(name: PlannerName, env: EvalIo['env']): Promise<Planner> {
  if (name === 'llm') {
    const { createLlmPlannerFromEnv } = await import('../../src/planner/llm/create-llm-planner.ts');
    return createLlmPlannerFromEnv(env);
  }
  const { createPlanner } = await import('../../src/planner/create-planner.ts');
  return createPlanner({
    PLANNER: 'embedded',
    OPENAI_API_KEY: undefined,
    OPENAI_BASE_URL: undefined,
    OPENAI_MODEL: 'none',
    OPENAI_TIMEOUT_MS: 0,
    OPENAI_MAX_RETRIES: 0,
  });
}

function plannerNames(args: EvalArgs, env: EvalIo['env'], out: EvalIo['out']): PlannerName[] {
  const hasKey = !!env.OPENAI_API_KEY;
  if ((args.planner === 'llm' || args.planner === 'both') && !hasKey) {
    throw new EvalUsageError(
      `--planner ${args.planner}: the llm planner needs OPENAI_API_KEY (and OPENAI_BASE_URL / OPENAI_MODEL as needed)`,
    );
  }
  if (args.planner === 'embedded' || args.planner === 'llm') return [args.planner];
  if (args.planner === 'both' || hasKey) return ['embedded', 'llm'];
  out('llm planner: skipped (set OPENAI_API_KEY, and OPENAI_BASE_URL / OPENAI_MODEL as needed)');
  return ['embedded'];
}

function addTally(into: Tally, from: Tally): void {
  for (const key of Object.keys(into) as (keyof Tally)[]) into[key] += from[key];
}

const isCommittedHeldOut = (set: EvalSet) => set.heldOut && set.label !== 'ext';

/** Whether a set may be played now: a held-out set without a first run only to record one (or, external, a baseline). */
function mayPlay(set: EvalSet, args: EvalArgs, firstRun: FirstRunEntry | undefined): boolean {
  if (!set.heldOut || firstRun || args.recordFirstRun) return true;
  return args.recordBaseline && !isCommittedHeldOut(set);
}

function recordInto(
  runs: FirstRuns,
  key: RecordKey,
  set: EvalSet,
  planner: PlannerName,
  figures: FirstRunEntry['figures'],
  io: Required<Pick<EvalIo, 'today' | 'commit'>>,
): FirstRunEntry | string {
  const source = set.source;
  if ('repo' in source && source.commit === undefined) {
    return `not recorded: the snapshot's commit is unknown (check it out with eval/external/checkout-snapshot.ts or git)`;
  }
  const entry: FirstRunEntry = {
    set: set.name,
    planner,
    source: 'repo' in source ? { repo: source.repo, commit: source.commit as string } : source,
    date: io.today(),
    plannerCommit: io.commit(),
    figures,
  };
  return addEntry(runs, key, entry) ? entry : `${key} already recorded: kept as it is`;
}

/**
 * `npm run eval`: plays the committed case files (one set each) and the external sets named with
 * `--external`, prints one row per set and planner, and records first runs or baselines when asked.
 * Returns the exit code (2 for a usage error).
 */
export async function runEval(argv: readonly string[], io: EvalIo): Promise<number> {
  const { out } = io;
  const today = io.today ?? (() => new Date().toISOString().slice(0, 10));
  const commit = io.commit ?? (() => plannerCommit());
  const path = io.firstRunsPath ?? FIRST_RUNS_PATH;
  let args: EvalArgs;
  let sets: EvalSet[];
  let planners: PlannerName[];
  try {
    args = parseEvalArgs(argv);
    planners = plannerNames(args, io.env, out);
    sets = collectSets(args, io.casesDir);
  } catch (error) {
    if (!(error instanceof EvalUsageError)) throw error;
    out(`eval: ${error.message}`);
    return 2;
  }
  const runs = loadFirstRuns(path);
  const recorded: { key: RecordKey; entry: FirstRunEntry }[] = [];
  const recordKey: RecordKey | undefined = args.recordFirstRun
    ? 'first-run'
    : args.recordBaseline
      ? 'baseline-old-planner'
      : undefined;
  for (const name of planners) {
    const planner = await (io.makePlanner ?? projectPlanner)(name, io.env);
    out('');
    out(`${name} planner (at ${commit()})`);
    out(headerLine());
    const committed = emptyTally();
    const committedStages = new StageScores();
    let committedPlayed = 0;
    for (const set of sets) {
      const label = set.label ? `${set.label} ${set.name}` : set.name;
      let firstRun = findEntry(runs, 'first-run', set.name, name);
      if (!mayPlay(set, args, firstRun)) {
        out(noteLine(label, `held out: not played until its first run is recorded (--record-first-run)`));
        continue;
      }
      const cases = set.cases.filter((c) => !args.only || c.id.includes(args.only));
      const result = await playSet(planner, cases, set.label === 'ext' ? new StageScores() : committedStages);
      const f = recordedFigures(result.tally);
      let note: string | undefined;
      if (recordKey) {
        const made = recordInto(runs, recordKey, set, name, f, { today, commit });
        if (typeof made === 'string') note = made;
        else recorded.push({ key: recordKey, entry: made });
        firstRun = findEntry(runs, 'first-run', set.name, name);
      }
      out(setLine(label, f, firstRun, findEntry(runs, 'baseline-old-planner', set.name, name)));
      if (note) out(`    ${note}`);
      if (set.skipped && Object.keys(set.skipped).length > 0) {
        const skips = Object.entries(set.skipped).map(([why, n]) => `${n} ${why}`);
        out(`    source items skipped: ${skips.join('; ')}`);
      }
      if (result.fallbacks > 0)
        out(`    ${result.fallbacks} of ${result.turns} turns fell back to the embedded planner`);
      if (set.label === 'ext') for (const line of result.stages.lines()) out(`  ${line}`);
      if (set.label !== 'ext') {
        addTally(committed, result.tally);
        committedPlayed++;
      }
      if (!args.verbose || result.misses.length === 0) continue;
      if (isCommittedHeldOut(set) || (set.label === 'ext' && !firstRun)) {
        out(
          `    misses not listed: ${isCommittedHeldOut(set) ? `tagged ${HELD_OUT_TAG}` : 'no first run recorded yet'}`,
        );
        continue;
      }
      for (const miss of result.misses) {
        out(`    ✗ ${miss.id}  ${JSON.stringify(miss.turns)}`);
        for (const problem of miss.problems) out(`        ${problem}`);
      }
    }
    if (committedPlayed > 1) {
      out(setLine('all committed sets', recordedFigures(committed), undefined, undefined));
      const all = figures(committed);
      out(
        `    clarifying questions ${all.clarifyingQuestionAccuracy.toFixed(3)} · intent ${all.intentAccuracy.toFixed(3)}`,
      );
      for (const line of committedStages.lines()) out(`  ${line}`);
    }
  }
  if (recorded.length > 0) {
    // Merge into the file as it is now: nothing recorded meanwhile is replaced.
    const latest = loadFirstRuns(path);
    for (const { key, entry } of recorded) addEntry(latest, key, entry);
    saveFirstRuns(latest, path);
    const sets = [...new Set(recorded.map((r) => r.entry.set))].join(', ');
    out(
      `\nrecorded ${recordKey} of ${recorded.length} set${recorded.length === 1 ? '' : 's'} in ${path}: ${sets}`,
    );
  }
  return 0;
}
