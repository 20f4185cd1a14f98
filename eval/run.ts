/**
 * `npm run eval`: plays every case file in eval/cases (one set each) through the embedded planner (and the
 * LLM planner when OPENAI_API_KEY is set) and prints, per set, kind F1, connection F1, param accuracy,
 * team/environment accuracy, fully right cases, the recorded first run and the old planner's baseline.
 *
 *   --external <name>=<dir>   add an external set read from a snapshot (repeatable; eval/external/README.md)
 *   --external-only           play only the external sets
 *   --planner embedded|llm|both
 *   --verbose                 list each case that is not fully right (never for held-out sets without a first run)
 *   --only <text>             keep cases whose id contains text
 *   --cases <globs>           play only the case files whose name matches (e.g. '15-*.yaml,20-*.yaml')
 *   --record-first-run        record each played set's first run in eval/first-runs.json (never overwrites)
 *   --record-baseline         record each played set's figures under `baseline-old-planner` (never overwrites)
 */
import { runEval } from './runner/run-eval.ts';

process.exitCode = await runEval(process.argv.slice(2), {
  out: (line) => console.log(line),
  env: process.env,
});
