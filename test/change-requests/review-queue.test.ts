import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeRequestSummary } from '../../src/change-requests/notifier.ts';
import { createTestApp, type TestApp, type TestUser } from '../support/test-app.ts';
import { call } from './support/api.ts';
import { seedFourRequests } from './support/four-requests.ts';

interface Page {
  items: ChangeRequestSummary[];
  nextCursor: string | null;
}

let t: TestApp;
let payDev: TestUser;
let reviewer: TestUser;
let ids: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  ({ payDev, reviewer, ids } = await seedFourRequests(t));
});
afterAll(() => t.close());

const names = (page: Page) => page.items.map((i) => Object.keys(ids).find((k) => ids[k] === i.id));

describe('GET /v1/review/queue', () => {
  it('lists requests waiting for review, oldest first, to reviewers only', async () => {
    const res = await call<Page>(t, reviewer, 'GET', '/v1/review/queue');
    expect(res.status).toBe(200);
    expect(names(res.body)).toEqual(['a', 'b', 'c', 'd']);
    expect(res.body.items[0]).toMatchObject({
      title: 'request a',
      state: 'open',
      approvals: { have: 0, need: 1 },
    });
    const denied = await call(t, payDev, 'GET', '/v1/review/queue');
    expect(denied.status).toBe(403);
  });

  it('filters by team, risk, status and age', async () => {
    const team = await call<Page>(t, reviewer, 'GET', '/v1/review/queue?team=search');
    expect(names(team.body)).toEqual(['b', 'd']);
    const high = await call<Page>(t, reviewer, 'GET', '/v1/review/queue?risk=high');
    expect(names(high.body)).toEqual(['b', 'c']);
    const old = await call<Page>(t, reviewer, 'GET', '/v1/review/queue?older_than=1d');
    expect(old.body.items).toEqual([]);
    const bad = await call(t, reviewer, 'GET', '/v1/review/queue?older_than=soon');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({
      errors: [{ path: 'query.older_than', message: 'a duration such as 30m, 4h, 2d or 1w' }],
    });
  });

  it('pages with a cursor without skipping or repeating', async () => {
    const first = await call<Page>(t, reviewer, 'GET', '/v1/review/queue?limit=3');
    expect(names(first.body)).toEqual(['a', 'b', 'c']);
    expect(first.body.nextCursor).not.toBeNull();
    const second = await call<Page>(
      t,
      reviewer,
      'GET',
      `/v1/review/queue?limit=3&cursor=${encodeURIComponent(first.body.nextCursor as string)}`,
    );
    expect(names(second.body)).toEqual(['d']);
    expect(second.body.nextCursor).toBeNull();
    const bad = await call(t, reviewer, 'GET', '/v1/review/queue?cursor=nonsense');
    expect(bad.status).toBe(400);
  });
});
