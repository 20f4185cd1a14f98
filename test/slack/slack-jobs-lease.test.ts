/** A Slack job is held by one run at a time: a run that stalls past its lease loses the job and cannot finish it. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SlackJobs } from '../../src/slack/slack-jobs.ts';
import { createTestStore, type TestStore } from '../support/test-database.ts';

let s: TestStore;
beforeAll(async () => {
  s = await createTestStore();
});
afterAll(() => s.close());

it('hands a lapsed job to the next run, and only that run may finish it', async () => {
  const jobs = new SlackJobs(s.store.db);
  await s.store.db
    .transaction()
    .execute((trx) => jobs.enqueue(trx, { key: 'message:C1:1', kind: 'message', payload: {} }));
  const stalled = await jobs.claim('message:C1:1', 1);
  expect(stalled).not.toBeNull();
  await new Promise((resolve) => setTimeout(resolve, 20));
  const next = await jobs.claim('message:C1:1', 60_000);
  expect(next?.attempts).toBe(2);
  expect(await jobs.stillHeld(stalled!)).toBe(false);
  expect(await jobs.stillHeld(next!)).toBe(true);
  expect(await jobs.claimDue(5, 60_000)).toEqual([]); // held by the next run: no replica takes it
  await jobs.complete(stalled!); // the stalled run cannot mark it done...
  expect(await jobs.claimDue(5, 60_000, new Date(Date.now() + 120_000))).toHaveLength(1); // ...it is still pending
  const state = await s.store.db.selectFrom('slack_jobs').select(['state', 'attempts']).executeTakeFirst();
  expect(state).toEqual({ state: 'pending', attempts: 3 });
});
