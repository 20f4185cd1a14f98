import type { Config } from '../../config/config.ts';
import { EmbeddedPlanner } from '../embedded/embedded-planner.ts';
import { LlmPlanner } from './llm-planner.ts';

/** The LLM planner from the config (or the environment, for `npm run eval`), falling back to the embedded one. */
export function createLlmPlanner(
  config: Pick<
    Config,
    'OPENAI_API_KEY' | 'OPENAI_BASE_URL' | 'OPENAI_MODEL' | 'OPENAI_TIMEOUT_MS' | 'OPENAI_MAX_RETRIES'
  >,
): LlmPlanner {
  if (!config.OPENAI_API_KEY) throw new Error('OPENAI_API_KEY is not set');
  return new LlmPlanner({
    apiKey: config.OPENAI_API_KEY,
    model: config.OPENAI_MODEL,
    baseUrl: config.OPENAI_BASE_URL,
    timeoutMs: config.OPENAI_TIMEOUT_MS,
    maxRetries: config.OPENAI_MAX_RETRIES,
    fallback: new EmbeddedPlanner(),
  });
}

export function createLlmPlannerFromEnv(env: Record<string, string | undefined>): LlmPlanner {
  return createLlmPlanner({
    OPENAI_API_KEY: env.OPENAI_API_KEY,
    OPENAI_BASE_URL: env.OPENAI_BASE_URL,
    OPENAI_MODEL: env.OPENAI_MODEL ?? 'gpt-4o-mini',
    OPENAI_TIMEOUT_MS: Number(env.OPENAI_TIMEOUT_MS ?? 20_000),
    OPENAI_MAX_RETRIES: Number(env.OPENAI_MAX_RETRIES ?? 2),
  });
}
