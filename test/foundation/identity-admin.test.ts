import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../src/identity/token.ts';
import { problemPaths } from '../support/problem-paths.ts';
import { createTestApp, type TestApp, type TestUser } from '../support/test-app.ts';

describe('admin endpoints and GET /v1/me', () => {
  let t: TestApp;
  let admin: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.createAdmin({ name: 'root' });
  });
  afterAll(() => t.close());

  const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown, who = admin) =>
    t.app.inject({
      method,
      url,
      headers: who.headers,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

  it('creates a user, assigns roles and teams, issues a token shown once, and the user sees itself', async () => {
    const created = await call('POST', '/v1/admin/users', {
      name: 'dana',
      displayName: 'Dana',
      roles: ['developer'],
    });
    expect(created.statusCode).toBe(201);
    const dana = created.json();
    expect(dana).toMatchObject({
      name: 'dana',
      displayName: 'Dana',
      roles: ['developer'],
      teams: [],
      disabled: false,
    });

    const roles = await call('PUT', `/v1/admin/users/${dana.id}/roles`, { roles: ['reviewer', 'developer'] });
    expect(roles.json().roles).toEqual(['developer', 'reviewer']);
    const teams = await call('PUT', `/v1/admin/users/${dana.id}/teams`, { teams: ['search', 'payments'] });
    expect(teams.json().teams).toEqual(['payments', 'search']);

    const issued = await call('POST', `/v1/admin/users/${dana.id}/tokens`, { name: 'ci' });
    expect(issued.statusCode).toBe(201);
    const { token, id: tokenId } = issued.json();
    expect(token).toMatch(/^icp_[A-Za-z0-9_-]{43}$/);

    const me = await t.app.inject({
      method: 'GET',
      url: '/v1/me',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toEqual({
      id: dana.id,
      name: 'dana',
      roles: ['developer', 'reviewer'],
      teams: ['payments', 'search'],
    });

    const listed = await call('GET', `/v1/admin/users/${dana.id}/tokens`);
    const [view] = listed.json().tokens;
    expect(view).toMatchObject({ id: tokenId, name: 'ci', revokedAt: null });
    expect(view.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(listed.json())).not.toContain(token);

    // only the hash is stored
    const rows = await t.app.db
      .selectFrom('api_tokens')
      .select('token_hash')
      .where('id', '=', tokenId)
      .execute();
    expect(rows).toEqual([{ token_hash: hashToken(token) }]);
  });

  it('refuses a disabled user at once and accepts them again when re-enabled', async () => {
    const eve = await t.createUser({ roles: ['developer'] });
    const off = await call('PUT', `/v1/admin/users/${eve.user.id}/disabled`, { disabled: true });
    expect(off.json().disabled).toBe(true);
    expect((await t.app.inject({ method: 'GET', url: '/v1/me', headers: eve.headers })).statusCode).toBe(401);
    await call('PUT', `/v1/admin/users/${eve.user.id}/disabled`, { disabled: false });
    expect((await t.app.inject({ method: 'GET', url: '/v1/me', headers: eve.headers })).statusCode).toBe(200);
  });

  it('lists users sorted by name', async () => {
    const res = await call('GET', '/v1/admin/users');
    const names: string[] = res.json().users.map((u: { name: string }) => u.name);
    expect(names).toEqual([...names].sort());
    expect(names).toContain('root');
  });

  it('rejects a bad team name and an unknown role with the failing paths', async () => {
    const res = await call('POST', '/v1/admin/users', { name: 'x', teams: ['Bad Team'], roles: ['root'] });
    expect(res.statusCode).toBe(400);
    expect(problemPaths(res)).toEqual(['body.roles.0', 'body.teams.0']);
  });

  it('answers 404 when revoking a token that does not exist and 400 for a malformed id', async () => {
    const missing = await call('DELETE', '/v1/admin/tokens/00000000-0000-4000-8000-000000000000');
    expect(missing.statusCode).toBe(404);
    const malformed = await call('DELETE', '/v1/admin/tokens/not-a-uuid');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().errors[0].path).toBe('params.id');
  });

  it('lets a policy_admin or reviewer do nothing on admin endpoints', async () => {
    for (const role of ['policy_admin', 'reviewer', 'developer'] as const) {
      const user = await t.createUser({ roles: [role] });
      const res = await call('GET', '/v1/admin/users', undefined, user);
      expect(res.statusCode).toBe(403);
    }
  });
});
