import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../support/test-app.ts';
import { act, call } from './support/api.ts';
import { seedFourRequests } from './support/four-requests.ts';

let t: TestApp;
let reviewer: TestUser;
let policyAdmin: TestUser;
let ids: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  ({ reviewer, ids } = await seedFourRequests(t));
  policyAdmin = await t.createUser({ roles: ['policy_admin'] });
});
afterAll(() => t.close());

describe('GET /v1/metrics/requests and Prometheus', () => {
  it('counts requests per team and channel and measures review', async () => {
    await act(t, reviewer, ids.d as string, 'request-changes', { reason: 'why?' });
    await act(t, reviewer, ids.b as string, 'approve');
    await act(t, policyAdmin, ids.b as string, 'approve');
    const res = await call<Record<string, unknown>>(t, reviewer, 'GET', '/v1/metrics/requests');
    expect(res.status).toBe(200);
    expect(res.body.requests).toEqual({
      total: 4,
      byChannel: { api: 1, cli: 2, slack: 1 },
      byTeam: [
        { team: 'payments', total: 2, byChannel: { api: 1, cli: 1, slack: 0 } },
        { team: 'search', total: 2, byChannel: { api: 0, cli: 1, slack: 1 } },
      ],
    });
    expect(res.body.timeToFirstReview).toMatchObject({ count: 2 });
    expect(res.body.timeToApproval).toMatchObject({ count: 1 });
    expect(res.body.approvedWithoutChangesRequested).toEqual({
      approved: 1,
      withoutChangesRequested: 1,
      share: 1,
    });
    expect(res.body.selfServed).toEqual({ applied: 0, selfServed: 0, share: null });
    const team = await call<Record<string, unknown>>(t, reviewer, 'GET', '/v1/metrics/requests?team=search');
    expect(team.body.requests).toMatchObject({ total: 2 });

    const prom = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(prom.body).toContain('change_requests_created_total{team="payments",channel="cli"} 1');
    expect(prom.body).toContain('change_request_time_to_first_review_seconds_count{team="search"} 2');
  });
});
