import { afterAll, beforeAll, expect, it } from 'vitest';
import { getProposal } from '../../src/proposal/proposal-repository.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

it('a stored proposal reads back exactly as the turn returned it, template key order included', async () => {
  const dev = await t.createUser({ roles: ['developer'], teams: ['payments'] });
  const created = await t.app.inject({
    method: 'POST',
    url: '/v1/conversations',
    headers: dev.headers,
    payload: { team: 'payments', environment: 'staging', title: 'orders' },
  });
  const id = (created.json() as { id: string }).id;
  const turn = await t.app.inject({
    method: 'POST',
    url: `/v1/conversations/${id}/messages`,
    headers: dev.headers,
    payload: { text: 'a Lambda that writes to a DynamoDB table' },
  });
  const returned = (turn.json() as { proposal: { id: string; template: unknown; templateYaml: string } })
    .proposal;
  const stored = await getProposal(t.app.db, returned.id);
  expect(stored?.conversationId).toBe(id);
  expect(stored?.stackName).toBe('payments-orders-staging');
  expect(JSON.stringify(stored?.template)).toBe(JSON.stringify(returned.template));
  expect(stored?.templateYaml).toBe(returned.templateYaml);
  expect(await getProposal(t.app.db, 'not-a-uuid')).toBeNull();
  expect(await getProposal(t.app.db, '00000000-0000-4000-8000-000000000000')).toBeNull();
});
