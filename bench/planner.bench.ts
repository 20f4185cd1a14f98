/**
 * The embedded planner per turn (p50/p99 over every message of the eval cases, replayed as conversations)
 * and an end-to-end turn without I/O (plan → apply → expand, check, auto-fix, render, diff, cost) p50.
 */
import { loadCases } from '../eval/load-cases.ts';
import { defaultPolicy } from '../src/guardrails/policy/default-policy.ts';
import { emptyArchitecture } from '../src/model/architecture.ts';
import { EmbeddedPlanner } from '../src/planner/embedded/embedded-planner.ts';
import { advanceSession, startSession, touchedIds } from '../src/planner/session.ts';
import { buildProposal } from '../src/proposal/build-proposal.ts';

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

export default async function plannerBench(): Promise<void> {
  const planner = new EmbeddedPlanner();
  const cases = loadCases();
  const policy = await defaultPolicy();
  const rounds = Number(process.env.BENCH_PLANNER_ROUNDS ?? 5);

  // warm-up: typo cache, tries, knowledge schemas
  for (const c of cases)
    for (const message of c.turns) planner.planSync({ architecture: emptyArchitecture(), message });

  const planMs: number[] = [];
  const turnMs: number[] = [];
  let turns = 0;
  for (let round = 0; round < rounds; round++) {
    for (const c of cases) {
      let state = startSession(emptyArchitecture());
      let focus: string[] = [];
      for (const message of c.turns) {
        const t0 = performance.now();
        const plan = planner.planSync({ architecture: state.architecture, message, focus });
        const t1 = performance.now();
        planMs.push(t1 - t0);
        const step = advanceSession(state, plan);
        state = step.state;
        const touched = touchedIds(plan);
        if (touched.length > 0) focus = touched;
        if (round === 0 && state.architecture.components.length > 0) {
          buildProposal({
            conversationId: 'bench',
            architecture: state.architecture,
            policy,
            waivers: [],
            baseline: null,
            stackName: null,
          });
          turnMs.push(performance.now() - t0);
        }
        turns++;
      }
    }
  }
  planMs.sort((a, b) => a - b);
  turnMs.sort((a, b) => a - b);
  const fmt = (ms: number) => `${ms.toFixed(2)} ms`;
  console.log(`embedded planner: ${turns} turns over ${cases.length} cases x ${rounds} rounds`);
  console.log(
    `  plan per turn   p50 ${fmt(percentile(planMs, 50))}   p99 ${fmt(percentile(planMs, 99))}   (target p50 < 5 ms)`,
  );
  console.log(
    `  end-to-end turn p50 ${fmt(percentile(turnMs, 50))}   p99 ${fmt(percentile(turnMs, 99))}   (plan + apply + expand, check, fix, render, diff, cost; ${turnMs.length} turns)`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await plannerBench();
