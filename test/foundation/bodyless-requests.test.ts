import { afterAll, beforeAll, expect, it } from 'vitest';
import { problemPaths } from '../support/problem-paths.ts';
import { createTestApp, type TestApp, type TestUser } from '../support/test-app.ts';

// `curl -X POST .../revoke` sends no body at all; actions whose fields are all optional must accept that.
let t: TestApp;
let admin: TestUser;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.createAdmin();
});
afterAll(() => t.close());

it('rolls a policy back on a POST without a body', async () => {
  const rollback = await t.app.inject({
    method: 'POST',
    url: '/v1/policies/versions/1/rollback',
    headers: admin.headers,
  });
  expect(rollback.statusCode).toBe(201);
  expect(rollback.json()).toMatchObject({ restoredFrom: 1 });
});

it('revokes a waiver on a POST without a body', async () => {
  const created = await t.app.inject({
    method: 'POST',
    url: '/v1/waivers',
    headers: admin.headers,
    payload: {
      ruleId: 'queue-has-consumer',
      scope: { team: 'payments' },
      reason: 'the consumer lives in another stack',
      owner: 'payments',
      expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    },
  });
  expect(created.statusCode).toBe(201);
  const revoked = await t.app.inject({
    method: 'POST',
    url: `/v1/waivers/${created.json().id}/revoke`,
    headers: admin.headers,
  });
  expect(revoked.statusCode).toBe(200);
  expect(revoked.json()).toMatchObject({ state: 'revoked' });
});

it('still names the body when a route needs one and none was sent', async () => {
  const res = await t.app.inject({ method: 'POST', url: '/v1/admin/users', headers: admin.headers });
  expect(res.statusCode).toBe(400);
  expect(problemPaths(res)).toEqual(['body']);
});
