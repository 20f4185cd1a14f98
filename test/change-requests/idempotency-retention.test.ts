import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { pruneIdempotencyKeys, runIdempotently } from '../../src/change-requests/idempotency.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

it('forgets keys after 24 hours and keeps recent ones', async () => {
  const actorId = randomUUID();
  const remember = (key: string) =>
    runIdempotently(t.app.db, { operation: 'test', actorId, key, request: { n: 1 } }, async () => ({
      statusCode: 201,
      body: { key },
    }));
  await remember('old');
  await remember('new');
  await t.app.db
    .updateTable('change_request_idempotency')
    .set({ created_at: new Date(Date.now() - 25 * 3_600_000) })
    .where('key', '=', 'old')
    .execute();
  expect(await pruneIdempotencyKeys(t.app.db)).toBe(1);
  const replayed = await remember('new');
  expect(replayed).toEqual({ statusCode: 201, body: { key: 'new' }, replayed: true });
  const fresh = await remember('old');
  expect(fresh.replayed).toBe(false);
});
