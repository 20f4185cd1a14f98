import { type OpenAiStandIn, startOpenAiStandIn } from '../../support/openai-stand-in.ts';
import { createTestApp, type TestApp } from '../../support/test-app.ts';

/** A test app planning with the LLM planner against a fresh OpenAI stand-in (no retries). */
export async function startLlmTestApp(): Promise<{ ai: OpenAiStandIn; t: TestApp; close(): Promise<void> }> {
  const ai = await startOpenAiStandIn();
  const t = await createTestApp({
    config: {
      PLANNER: 'llm',
      OPENAI_API_KEY: 'sk-test-stand-in-0000000000',
      OPENAI_BASE_URL: ai.baseUrl,
      OPENAI_MAX_RETRIES: 0,
    },
  });
  return {
    ai,
    t,
    close: async () => {
      await t.close();
      await ai.close();
    },
  };
}
