import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemPaths } from '../support/problem-paths.ts';
import { createTestApp, type TestApp, type TestUser } from '../support/test-app.ts';

const problem = (slug: string) => `https://infra-copilot.dev/problems/${slug}`;

describe('HTTP errors are problem+json with a stable type', () => {
  let t: TestApp;
  let admin: TestUser;
  let developer: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.createAdmin();
    developer = await t.createUser({ roles: ['developer'], teams: ['payments'] });
  });
  afterAll(() => t.close());

  const post = (body: string, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'POST',
      url: '/v1/admin/users',
      headers: { 'content-type': 'application/json', ...admin.headers, ...headers },
      payload: body,
    });

  it('rejects malformed JSON with 400 malformed-json', async () => {
    const res = await post('{"name": ');
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ type: problem('malformed-json'), status: 400 });
  });

  it('rejects wrong types with 400 validation-failed naming each field path', async () => {
    const res = await post(JSON.stringify({ name: 42, roles: ['developer', 'wizard'] }));
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.type).toBe(problem('validation-failed'));
    expect(problemPaths(res)).toEqual(['body.name', 'body.roles.1']);
  });

  it('rejects unknown fields with 400 naming the field', async () => {
    const res = await post(JSON.stringify({ name: 'carol', isAdmin: true }));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      type: problem('validation-failed'),
      errors: [{ path: 'body.isAdmin', message: 'unknown field' }],
    });
  });

  it('rejects a body over the 1 MiB default with 413 payload-too-large', async () => {
    const res = await post(JSON.stringify({ name: 'x'.repeat(1_100_000) }));
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ type: problem('payload-too-large'), status: 413 });
  });

  it('rejects a non-JSON content type with 415 unsupported-media-type', async () => {
    const res = await post('name=carol', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(res.statusCode).toBe(415);
    expect(res.json().type).toBe(problem('unsupported-media-type'));
  });

  it('answers a missing token with 401 unauthorized', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/v1/me' });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ type: problem('unauthorized'), status: 401 });
  });

  it('answers an unknown token with 401 unauthorized', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/v1/me',
      headers: { authorization: 'Bearer icp_nope' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().type).toBe(problem('unauthorized'));
  });

  it('answers a revoked token with 401 unauthorized', async () => {
    const user = await t.createUser({ roles: ['developer'] });
    expect((await t.app.inject({ method: 'GET', url: '/v1/me', headers: user.headers })).statusCode).toBe(
      200,
    );
    const revoke = await t.app.inject({
      method: 'DELETE',
      url: `/v1/admin/tokens/${user.tokenId}`,
      headers: admin.headers,
    });
    expect(revoke.statusCode).toBe(200);
    expect(revoke.json().revokedAt).not.toBeNull();
    const res = await t.app.inject({ method: 'GET', url: '/v1/me', headers: user.headers });
    expect(res.statusCode).toBe(401);
    expect(res.json().type).toBe(problem('unauthorized'));
  });

  it('answers a role that lacks permission with 403 forbidden', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/v1/admin/users',
      headers: { 'content-type': 'application/json', ...developer.headers },
      payload: { name: 'mallory', roles: ['admin'] },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ type: problem('forbidden'), requiredRoles: ['admin'] });
    const audit = await t.app.inject({ method: 'GET', url: '/v1/audit', headers: developer.headers });
    expect(audit.statusCode).toBe(403);
  });

  it('answers unknown routes and unknown resources with 404 not-found', async () => {
    const route = await t.app.inject({ method: 'GET', url: '/v1/nothing-here' });
    expect(route.statusCode).toBe(404);
    expect(route.json().type).toBe(problem('not-found'));
    const user = await t.app.inject({
      method: 'GET',
      url: '/v1/admin/users/00000000-0000-4000-8000-000000000000',
      headers: admin.headers,
    });
    expect(user.statusCode).toBe(404);
    expect(user.json().type).toBe(problem('not-found'));
  });

  it('answers a duplicate user name with 409 user-exists', async () => {
    const first = await post(JSON.stringify({ name: 'dup-user' }));
    expect(first.statusCode).toBe(201);
    const second = await post(JSON.stringify({ name: 'dup-user' }));
    expect(second.statusCode).toBe(409);
    expect(second.json().type).toBe(problem('user-exists'));
  });

  it('hides internals of a 500 and keeps the request id', async () => {
    const local = await createTestApp({
      beforeReady: (app) => {
        app.get('/boom', async () => {
          throw new Error('secret connection string postgres://x:y@z');
        });
      },
    });
    try {
      const res = await local.app.inject({
        method: 'GET',
        url: '/boom',
        headers: { 'x-request-id': 'req-123' },
      });
      expect(res.statusCode).toBe(500);
      expect(res.headers['x-request-id']).toBe('req-123');
      expect(res.json()).toMatchObject({ type: problem('internal'), requestId: 'req-123' });
      expect(res.body).not.toContain('postgres://');
    } finally {
      await local.close();
    }
  });

  it('answers over the rate limit with 429 rate-limited, per token', async () => {
    const local = await createTestApp({ config: { RATE_LIMIT_MAX: 2 } });
    try {
      const a = await local.createUser();
      const b = await local.createUser();
      const me = (u: TestUser) => local.app.inject({ method: 'GET', url: '/v1/me', headers: u.headers });
      expect((await me(a)).statusCode).toBe(200);
      expect((await me(a)).statusCode).toBe(200);
      const limited = await me(a);
      expect(limited.statusCode).toBe(429);
      expect(limited.json().type).toBe(problem('rate-limited'));
      expect((await me(b)).statusCode).toBe(200);
    } finally {
      await local.close();
    }
  });
});
