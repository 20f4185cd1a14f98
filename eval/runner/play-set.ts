import { emptyArchitecture } from '../../src/model/architecture.ts';
import type { Planner } from '../../src/planner/planner.ts';
import type { EvalCase } from '../case-schema.ts';
import { runCase } from '../run-case.ts';
import { StageScores } from '../stage-scores.ts';
import type { Figures, Tally } from '../score.ts';
import { emptyTally, figures, scoreCase } from '../score.ts';

export interface Miss {
  id: string;
  turns: string[];
  problems: string[];
}

export interface SetResult {
  tally: Tally;
  figures: Figures;
  misses: Miss[];
  turns: number;
  fallbacks: number;
  /** The embedded planner's stages, scored on the set's one-message cases. */
  stages: StageScores;
}

/** A planner that can show what each of its stages produced (the embedded planner). */
type Traceable = Planner & { trace(input: Parameters<Planner['plan']>[0]): { trace?: Parameters<StageScores['add']>[1] } };

function traceable(planner: Planner): planner is Traceable {
  return typeof (planner as Partial<Traceable>).trace === 'function';
}

/** Plays cases through a planner and scores them; a crashing case counts as an empty architecture. */
export async function playSet(
  planner: Planner,
  cases: readonly EvalCase[],
  stages = new StageScores(),
): Promise<SetResult> {
  const tally = emptyTally();
  const misses: Miss[] = [];
  let turns = 0;
  let fallbacks = 0;
  for (const c of cases) {
    const outcome = await runCase(planner, c).catch((error: unknown) => ({
      architecture: emptyArchitecture(),
      asked: false,
      intent: 'error',
      rejected: [`crashed: ${error instanceof Error ? error.message : String(error)}`],
      turns: c.turns.length,
      fallbacks: 0,
    }));
    turns += outcome.turns;
    fallbacks += outcome.fallbacks;
    const problems = scoreCase(tally, c, outcome);
    problems.push(...outcome.rejected.map((r) => `rejected: ${r}`));
    if (problems.length > 0) misses.push({ id: c.id, turns: c.turns, problems });
    if (traceable(planner) && c.turns.length === 1 && !c.start) {
      stages.add(c, planner.trace({ architecture: emptyArchitecture(), message: c.turns[0]! }).trace);
    }
  }
  return { tally, figures: figures(tally), misses, turns, fallbacks, stages };
}
