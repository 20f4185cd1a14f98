/**
 * Two app instances on one database ("replicas"). With TEST_DATABASE_URL each app has its own pg pool on
 * the same PostgreSQL schema; without it both share the worker's PGlite (the same data, two apps), which
 * still proves nothing is cached in process memory.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/store/migrator.ts';
import { createTestApp, type TestApp, type TestUser } from '../support/test-app.ts';
import { dropTestSchema, freshSchemaName, openTestStore, testDatabaseUrl } from '../support/test-database.ts';

describe(`two replicas on one ${testDatabaseUrl ? 'PostgreSQL' : 'PGlite'} store`, () => {
  let a: TestApp;
  let b: TestApp;
  let adminA: TestUser;

  beforeAll(async () => {
    a = await createTestApp();
    b = await createTestApp({ shareWith: a });
    adminA = await a.createAdmin();
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  it('each sees the users, tokens and audit entries the other wrote', async () => {
    const created = await a.app.inject({
      method: 'POST',
      url: '/v1/admin/users',
      headers: adminA.headers,
      payload: { name: 'rita', roles: ['reviewer'], teams: ['payments'] },
    });
    expect(created.statusCode).toBe(201);
    const rita = created.json();

    // the admin's token, created through A, works on B
    const seen = await b.app.inject({
      method: 'GET',
      url: `/v1/admin/users/${rita.id}`,
      headers: adminA.headers,
    });
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({ name: 'rita', roles: ['reviewer'], teams: ['payments'] });

    // a token issued through B authenticates on A
    const issued = await b.app.inject({
      method: 'POST',
      url: `/v1/admin/users/${rita.id}/tokens`,
      headers: adminA.headers,
      payload: { name: 'laptop' },
    });
    expect(issued.statusCode).toBe(201);
    const me = await a.app.inject({
      method: 'GET',
      url: '/v1/me',
      headers: { authorization: `Bearer ${issued.json().token}` },
    });
    expect(me.json()).toEqual({ id: rita.id, name: 'rita', roles: ['reviewer'], teams: ['payments'] });

    // the audit entries of both writes are visible from both
    for (const app of [a.app, b.app]) {
      const audit = await app.inject({
        method: 'GET',
        url: `/v1/audit?subjectType=user&subjectId=${rita.id}`,
        headers: adminA.headers,
      });
      expect(audit.json().entries.map((e: { action: string }) => e.action)).toEqual(['user.create']);
      const tokens = await app.inject({
        method: 'GET',
        url: '/v1/audit?action=token.issue',
        headers: adminA.headers,
      });
      expect(tokens.json().entries).toHaveLength(1);
    }
  });

  it('refuses on one replica a token revoked through the other, at once', async () => {
    const dev = await a.createUser({ roles: ['developer'] });
    expect((await b.app.inject({ method: 'GET', url: '/v1/me', headers: dev.headers })).statusCode).toBe(200);
    expect((await a.app.inject({ method: 'GET', url: '/v1/me', headers: dev.headers })).statusCode).toBe(200);

    const revoked = await a.app.inject({
      method: 'DELETE',
      url: `/v1/admin/tokens/${dev.tokenId}`,
      headers: adminA.headers,
    });
    expect(revoked.statusCode).toBe(200);

    const refused = await b.app.inject({ method: 'GET', url: '/v1/me', headers: dev.headers });
    expect(refused.statusCode).toBe(401);
    expect(refused.json().type).toBe('https://infra-copilot.dev/problems/unauthorized');
  });

  it('applies migrations once when several replicas start at the same time', async () => {
    const schema = freshSchemaName();
    const stores = await Promise.all([openTestStore(schema), openTestStore(schema), openTestStore(schema)]);
    try {
      const applied = await Promise.all(stores.map((s) => migrate(s)));
      const all = applied.flat();
      expect(all.length).toBeGreaterThan(0);
      expect(new Set(all).size).toBe(all.length);
      expect(all).toContain('0001_foundation');
    } finally {
      await Promise.all(stores.map((s) => s.close()));
      await dropTestSchema(schema);
    }
  });
});
