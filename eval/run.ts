/**
 * `npm run eval`: plays every case in eval/cases through the embedded planner (and the LLM planner when
 * OPENAI_API_KEY is set) and prints component-kind F1, connection F1, param accuracy and team/environment
 * accuracy. `--verbose` lists each case that is not fully right and why; `--only <text>` filters case ids;
 * `--cases <glob>` plays only the case files whose name matches (e.g. `--cases '15-*.yaml'`).
 */
import { emptyArchitecture } from '../src/model/architecture.ts';
import { EmbeddedPlanner } from '../src/planner/embedded/embedded-planner.ts';
import type { Planner } from '../src/planner/planner.ts';
import { loadCases } from './load-cases.ts';
import { runCase } from './run-case.ts';
import type { Figures } from './score.ts';
import { emptyTally, figures, scoreCase } from './score.ts';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const onlyAt = args.indexOf('--only');
const only = onlyAt >= 0 ? args[onlyAt + 1] : undefined;
const casesAt = args.indexOf('--cases');
const caseFiles = casesAt >= 0 ? args[casesAt + 1] : undefined;

async function evaluate(planner: Planner, label: string): Promise<Figures> {
  const cases = loadCases(undefined, caseFiles).filter((c) => !only || c.id.includes(only));
  const tally = emptyTally();
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
    if (verbose && problems.length > 0) {
      console.log(`\n✗ ${c.id}  ${JSON.stringify(c.turns)}`);
      for (const p of problems) console.log(`    ${p}`);
    }
  }
  const f = figures(tally);
  const pct = (x: number) => x.toFixed(3);
  console.log(`\n${label} planner: ${f.cases} cases, ${f.exactCases} fully right`);
  console.log(`  component-kind F1        ${pct(f.componentKindF1)}   (target 0.95)`);
  console.log(`  connection F1            ${pct(f.connectionF1)}   (target 0.90)`);
  console.log(`  param accuracy           ${pct(f.paramAccuracy)}   (target 0.90)`);
  console.log(`  team/environment acc.    ${pct(f.teamEnvironmentAccuracy)}   (target 0.95)`);
  console.log(`  clarifying questions     ${pct(f.clarifyingQuestionAccuracy)}`);
  console.log(`  intent accuracy          ${pct(f.intentAccuracy)}`);
  if (fallbacks > 0) {
    console.log(
      `  fallbacks                ${fallbacks} of ${turns} turns were answered by the embedded planner instead`,
    );
  }
  return f;
}

await evaluate(new EmbeddedPlanner(), 'embedded');
if (process.env.OPENAI_API_KEY) {
  const { createLlmPlannerFromEnv } = await import('../src/planner/llm/create-llm-planner.ts');
  await evaluate(createLlmPlannerFromEnv(process.env), 'llm');
} else {
  console.log('\nllm planner: skipped (set OPENAI_API_KEY, and OPENAI_BASE_URL / OPENAI_MODEL as needed)');
}
