/**
 * Proposals for change request tests, made the way users make them: a conversation with PLANNER's
 * embedded planner through the HTTP API (`POST /v1/conversations`, `POST /v1/conversations/:id/messages`).
 */
import { expect } from 'vitest';
import type { TestApp, TestUser } from '../../support/test-app.ts';

export interface ProposalRef {
  conversationId: string;
  proposalId: string;
  proposal: {
    id: string;
    template: Record<string, unknown>;
    findings: Array<{ ruleId: string; severity: string; status: string; message: string }>;
  };
}

export async function startConversation(
  t: TestApp,
  user: TestUser,
  options: { team: string; environment: 'dev' | 'staging' | 'prod'; title?: string },
): Promise<string> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/v1/conversations',
    headers: user.headers,
    payload: { team: options.team, environment: options.environment, title: options.title ?? 'test' },
  });
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { id: string }).id;
}

export async function say(
  t: TestApp,
  user: TestUser,
  conversationId: string,
  text: string,
): Promise<ProposalRef> {
  const res = await t.app.inject({
    method: 'POST',
    url: `/v1/conversations/${conversationId}/messages`,
    headers: user.headers,
    payload: { text },
  });
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json() as { proposal: ProposalRef['proposal'] };
  return { conversationId, proposalId: body.proposal.id, proposal: body.proposal };
}

/** A new conversation and its first proposal. */
export async function propose(
  t: TestApp,
  user: TestUser,
  options: { team: string; environment: 'dev' | 'staging' | 'prod'; app?: string },
  text: string,
): Promise<ProposalRef> {
  const conversationId = await startConversation(t, user, { ...options, title: options.app ?? 'test' });
  return say(t, user, conversationId, text);
}

/**
 * The first proposal in a worker loads the knowledge base, the resource spec and the rules (seconds); call
 * this in beforeAll (60 s limit) so no test pays it under its own 20 s limit.
 */
export async function warmUp(t: TestApp, user: TestUser): Promise<void> {
  await propose(
    t,
    user,
    { team: user.user.teams[0] ?? 'warmup', environment: 'dev', app: 'warmup' },
    'I need an SQS queue',
  );
}
