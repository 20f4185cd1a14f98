import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson, digest } from '../../src/audit/canonical-json.ts';
import { problemPaths } from '../support/problem-paths.ts';
import { createTestApp, type TestApp, type TestUser } from '../support/test-app.ts';

describe('audit log', () => {
  let t: TestApp;
  let admin: TestUser;
  let reviewer: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.createAdmin();
    reviewer = await t.createUser({ roles: ['reviewer'] });
  });
  afterAll(() => t.close());

  it('records admin changes with actor, subject, digests and request id; reviewers can read and filter', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/v1/admin/users',
      headers: { ...admin.headers, 'x-request-id': 'audit-req-1' },
      payload: { name: 'fay', roles: ['developer'] },
    });
    const fay = created.json();
    await t.app.inject({
      method: 'PUT',
      url: `/v1/admin/users/${fay.id}/teams`,
      headers: admin.headers,
      payload: { teams: ['payments'] },
    });

    const res = await t.app.inject({
      method: 'GET',
      url: `/v1/audit?subjectId=${fay.id}`,
      headers: reviewer.headers,
    });
    expect(res.statusCode).toBe(200);
    const entries = res.json().entries;
    expect(entries.map((e: { action: string }) => e.action)).toEqual(['user.set_teams', 'user.create']);
    const [teams, create] = entries;
    expect(create).toMatchObject({
      actor: { id: admin.user.id, name: admin.user.name },
      subject: { type: 'user', id: fay.id },
      beforeDigest: null,
      afterDigest: digest(fay),
      requestId: 'audit-req-1',
      summary: { name: 'fay', roles: ['developer'], teams: [] },
    });
    expect(teams.beforeDigest).toBe(create.afterDigest);
    expect(teams.afterDigest).not.toBe(teams.beforeDigest);

    const byAction = await t.app.inject({
      method: 'GET',
      url: '/v1/audit?action=user.create',
      headers: reviewer.headers,
    });
    expect(byAction.json().entries.every((e: { action: string }) => e.action === 'user.create')).toBe(true);
    const byActor = await t.app.inject({
      method: 'GET',
      url: `/v1/audit?actorId=${reviewer.user.id}`,
      headers: reviewer.headers,
    });
    expect(byActor.json().entries).toEqual([]);
  });

  it('pages newest first with nextBefore', async () => {
    for (let i = 0; i < 3; i += 1)
      await t.app.audit.record({ action: 'test.page', subject: { type: 'thing', id: String(i) } });
    const first = await t.app.inject({
      method: 'GET',
      url: '/v1/audit?action=test.page&limit=2',
      headers: admin.headers,
    });
    expect(first.json().entries.map((e: { subject: { id: string } }) => e.subject.id)).toEqual(['2', '1']);
    const next = first.json().nextBefore;
    const second = await t.app.inject({
      method: 'GET',
      url: `/v1/audit?action=test.page&limit=2&before=${next}`,
      headers: admin.headers,
    });
    expect(second.json()).toMatchObject({
      entries: [{ subject: { id: '0' }, actor: { id: null, name: 'system' } }],
      nextBefore: null,
    });
  });

  it('rejects unknown filters and bad dates with 400', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/v1/audit?who=me&since=yesterday',
      headers: admin.headers,
    });
    expect(res.statusCode).toBe(400);
    expect(problemPaths(res)).toEqual(['query.since', 'query.who']);
  });

  it('is append-only in the database', async () => {
    await t.app.audit.record({ action: 'test.immutable', subject: { type: 'thing', id: 'x' } });
    await expect(t.app.db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
    await expect(t.app.db.updateTable('audit_log').set({ action: 'forged' }).execute()).rejects.toThrow(
      /append-only/,
    );
  });

  it('rolls an entry back with the transaction it was written in', async () => {
    await expect(
      t.app.db.transaction().execute(async (trx) => {
        await t.app.audit.record({ action: 'test.rollback', subject: { type: 'thing', id: 'y' } }, trx);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await t.app.audit.list({ action: 'test.rollback' })).toEqual([]);
  });
});

describe('canonical JSON digests', () => {
  it('ignores key order and undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: undefined } })).toBe(
      '{"a":{"d":[1,{"x":1,"y":2}]},"b":1}',
    );
    expect(digest({ a: 1, b: 2 })).toBe(digest({ b: 2, a: 1 }));
    expect(digest({ a: 1 })).not.toBe(digest({ a: 2 }));
    expect(digest({ a: 1 })).toMatch(/^sha256:[0-9a-f]{64}$/);
  });
});
