/**
 * Two reviewers and the author racing on one change request, through two app instances on one database
 * (with TEST_DATABASE_URL: two pg pools on one PostgreSQL schema, so the requests really run at once; without
 * it, two apps on the worker's PGlite). Whatever order the database picks, no approval is ever recorded on a
 * revision its reviewer did not see, and a stack never gets a second open request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeRequest } from '../../src/change-requests/change-request.ts';
import { createTestApp, type TestApp, type TestUser } from '../support/test-app.ts';
import { testDatabaseUrl } from '../support/test-database.ts';
import { call, get, submit } from './support/api.ts';
import { propose, say, warmUp } from './support/proposals.ts';

describe(`decisions racing a revision on two app instances (${testDatabaseUrl ? 'PostgreSQL' : 'PGlite'})`, () => {
  let a: TestApp;
  let b: TestApp;
  let dev: TestUser;
  let rita: TestUser;
  let sam: TestUser;
  let n = 0;

  beforeAll(async () => {
    a = await createTestApp();
    b = await createTestApp({ shareWith: a });
    dev = await a.createUser({ roles: ['developer'], teams: ['payments'] });
    rita = await a.createUser({ roles: ['reviewer'], teams: ['payments'] });
    sam = await a.createUser({ roles: ['reviewer', 'policy_admin'] });
    await warmUp(a, dev);
    await warmUp(b, dev);
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  async function openRequest(): Promise<{ cr: ChangeRequest; next: string }> {
    n++;
    const p1 = await propose(
      a,
      dev,
      { team: 'payments', environment: 'dev', app: `race${n}` },
      'I need an SQS queue',
    );
    const created = await submit(a, dev, { proposalId: p1.proposalId });
    expect(created.status).toBe(201);
    const p2 = await say(a, dev, p1.conversationId, 'make the queue FIFO');
    return { cr: created.body, next: p2.proposalId };
  }

  it('with If-Match "1": exactly one of two approvals and a revision wins; the others get 409 naming version and revision', async () => {
    for (let round = 0; round < 4; round++) {
      const { cr, next } = await openRequest();
      const ifMatch = { 'if-match': '"1"' };
      const [byRita, bySam, revised] = await Promise.all([
        call(a, rita, 'POST', `/v1/change-requests/${cr.id}/approve`, {}, ifMatch),
        call(b, sam, 'POST', `/v1/change-requests/${cr.id}/approve`, {}, ifMatch),
        call(
          round % 2 === 0 ? a : b,
          dev,
          'POST',
          `/v1/change-requests/${cr.id}/revisions`,
          { proposalId: next },
          ifMatch,
        ),
      ]);
      const statuses = [byRita.status, bySam.status, revised.status];
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(2);
      for (const lost of [byRita, bySam, revised].filter((r) => r.status === 409)) {
        expect(lost.body).toMatchObject({
          type: 'https://infra-copilot.dev/problems/version-conflict',
          expectedVersion: 1,
          expectedRevision: 1,
          currentVersion: 2,
        });
      }
      const now = await get(b, dev, cr.id);
      expect(now.version).toBe(2);
      if (revised.status === 200) {
        expect(now).toMatchObject({ revision: 2, state: 'open' });
        expect(now.approvals.records).toEqual([]);
      } else {
        expect(now.revision).toBe(1);
        expect(now.approvals.records).toHaveLength(1);
        expect(now.approvals.records[0]).toMatchObject({ revision: 1, version: 1 });
      }
    }
  });

  it('with the revision only: an approval either lands on revision 1 (and the revision dismisses it) or is refused; none lands on revision 2', async () => {
    for (let round = 0; round < 4; round++) {
      const { cr, next } = await openRequest();
      const [byRita, bySam, revised] = await Promise.all([
        call(b, rita, 'POST', `/v1/change-requests/${cr.id}/approve`, { expectedRevision: 1 }),
        call(a, sam, 'POST', `/v1/change-requests/${cr.id}/approve`, { expectedRevision: 1 }),
        call(round % 2 === 0 ? b : a, dev, 'POST', `/v1/change-requests/${cr.id}/revisions`, {
          proposalId: next,
        }),
      ]);
      expect(revised.status).toBe(200);
      for (const approval of [byRita, bySam]) {
        expect([200, 409]).toContain(approval.status);
        if (approval.status === 409)
          expect(approval.body).toMatchObject({ expectedRevision: 1, currentRevision: 2 });
      }
      const now = await get(a, dev, cr.id);
      expect(now.revision).toBe(2);
      expect(now.approvals.records).toEqual([]);
      const rows = await a.app.db
        .selectFrom('change_request_approvals')
        .select(['revision', 'dismissed_at'])
        .where('change_request_id', '=', cr.id)
        .execute();
      // Every approval that was recorded is on revision 1 and was dismissed by the revision.
      for (const row of rows) {
        expect(row.revision).toBe(1);
        expect(row.dismissed_at).not.toBeNull();
      }
      expect(rows).toHaveLength([byRita, bySam].filter((r) => r.status === 200).length);
    }
  });

  it('two submits for one stack from two conversations on two instances: one request opens, the other is refused naming it', async () => {
    n++;
    const app = `race${n}`;
    const [p1, p2] = await Promise.all([
      propose(a, dev, { team: 'payments', environment: 'dev', app }, 'I need an SQS queue'),
      propose(b, dev, { team: 'payments', environment: 'dev', app }, 'I need an SNS topic'),
    ]);
    const [one, two] = await Promise.all([
      submit(a, dev, { proposalId: p1.proposalId }),
      submit(b, dev, { proposalId: p2.proposalId }),
    ]);
    expect([one.status, two.status].sort()).toEqual([201, 409]);
    const [won, lost] = one.status === 201 ? [one, two] : [two, one];
    expect(lost.body).toMatchObject({
      type: 'https://infra-copilot.dev/problems/open-change-request',
      openChangeRequest: { id: won.body.id },
    });
    const open = await a.app.db
      .selectFrom('change_requests')
      .select('id')
      .where('stack_name', '=', won.body.stack.name)
      .execute();
    expect(open).toHaveLength(1);
  });
});
