/** A conversation with one turn, made through the API: the starting point of tests that then use the page. */
import { expect } from 'vitest';
import type { TestApp, TestUser } from '../support/test-app.ts';

export interface FirstTurn {
  conversationId: string;
  proposal: { id: string; stackName: string; templateYaml: string; architecture: { name: string } };
}

/** `title` names the app of the stack: each stack has one open change request, so tests that submit give one. */
export async function firstTurn(
  t: TestApp,
  user: TestUser,
  text: string,
  title?: string,
): Promise<FirstTurn> {
  const conv = await t.app.inject({
    method: 'POST',
    url: '/v1/conversations',
    headers: user.headers,
    payload: title ? { title } : {},
  });
  expect(conv.statusCode).toBe(201);
  const conversationId = conv.json().id as string;
  const turn = await t.app.inject({
    method: 'POST',
    url: `/v1/conversations/${conversationId}/messages`,
    headers: user.headers,
    payload: { text },
  });
  expect(turn.statusCode).toBe(200);
  return { conversationId, proposal: turn.json().proposal };
}
