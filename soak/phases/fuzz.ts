/**
 * Fuzzing: templates (valid, mutated, garbage, over-deep, oversized) to the guardrails, and chat messages
 * (requests, questions, hostile text) to conversations, spread over the replicas. Nothing may answer 5xx;
 * over-deep and oversized texts must be refused with 400, and how fast is reported.
 */
import { messageInput, templateInput } from '../fuzz-inputs.ts';
import { inParallel, type SoakContext } from '../soak-context.ts';

export interface FuzzFigures {
  deepTexts: number;
  deepNot400: number;
  deepSlowestMs: number;
  deepMedianMs: number;
}

export async function fuzzTemplates(ctx: SoakContext, count: number): Promise<FuzzFigures> {
  const figures: FuzzFigures = { deepTexts: 0, deepNot400: 0, deepSlowestMs: 0, deepMedianMs: 0 };
  const deepMs: number[] = [];
  const inputs = Array.from({ length: count }, (_, i) => templateInput(ctx.rng, i));
  await inParallel(inputs, 4, async (input) => {
    const answer = await ctx.client.call(ctx.client.any(), 'POST', '/v1/guardrails/evaluate', {
      token: ctx.people.developer,
      body: { template: input.template, team: 'payments', environment: 'prod' },
    });
    if (input.kind === 'deep' || input.kind === 'flood') {
      figures.deepTexts += 1;
      if (answer.status !== 400) figures.deepNot400 += 1;
      figures.deepSlowestMs = Math.max(figures.deepSlowestMs, Math.round(answer.ms));
      deepMs.push(answer.ms);
    }
  });
  deepMs.sort((x, y) => x - y);
  figures.deepMedianMs = Math.round(deepMs[Math.floor(deepMs.length / 2)] ?? 0);
  return figures;
}

export async function fuzzMessages(ctx: SoakContext, count: number): Promise<void> {
  const conversations: string[] = [];
  for (let i = 0; i < 8; i++) {
    const created = await ctx.client.call(ctx.client.any(), 'POST', '/v1/conversations', {
      token: ctx.people.developer,
      body: { team: 'payments', environment: 'dev', title: `fuzz ${i}` },
    });
    if (created.status === 201) conversations.push((created.body as { id: string }).id);
  }
  // One message at a time per conversation (parallel turns of one conversation are 409s by design).
  await inParallel(conversations, conversations.length, async (id, c) => {
    for (let i = c; i < count; i += conversations.length) {
      await ctx.client.call(ctx.client.any(), 'POST', `/v1/conversations/${id}/messages`, {
        token: ctx.people.developer,
        body: { text: messageInput(ctx.rng) },
      });
    }
  });
}
