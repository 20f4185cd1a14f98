import type { Config } from '../config/config.ts';
import { EmbeddedPlanner } from './embedded/embedded-planner.ts';
import type { Planner } from './planner.ts';

type PlannerConfig = Pick<
  Config,
  | 'PLANNER'
  | 'OPENAI_API_KEY'
  | 'OPENAI_BASE_URL'
  | 'OPENAI_MODEL'
  | 'OPENAI_TIMEOUT_MS'
  | 'OPENAI_MAX_RETRIES'
>;

/**
 * The planner the config asks for: `embedded`; `llm` (the model, falling back to the embedded planner); or
 * `auto`, the model when OPENAI_API_KEY is set. `llm` without a key is the embedded planner. The LLM planner
 * is imported only when it is used: LangChain and the OpenAI client are some 500 modules, a second or more of
 * every start otherwise.
 */
export async function createPlanner(config: PlannerConfig): Promise<Planner> {
  if (config.PLANNER === 'embedded' || !config.OPENAI_API_KEY) return new EmbeddedPlanner();
  const { createLlmPlanner } = await import('./llm/create-llm-planner.ts');
  return createLlmPlanner(config);
}
