/**
 * Unauthenticated callers learn nothing about a route's input: every authenticated route answers 401 before
 * it reads or validates the body, the parameters or the query (issue 13, item 7).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ config: { SLACK_SIGNING_SECRET: 'hardening-signing-secret' } });
});
afterAll(() => t.close());

interface Operation {
  method: string;
  path: string;
  security?: unknown[];
}

/** Every operation of the OpenAPI document that is not public (no `security: []`), outside Slack's own. */
function authenticatedOperations(): Operation[] {
  const spec = t.app.swagger() as { paths: Record<string, Record<string, { security?: unknown[] }>> };
  const out: Operation[] = [];
  for (const [path, methods] of Object.entries(spec.paths)) {
    if (path.startsWith('/slack/') || !path.startsWith('/v1/')) continue;
    for (const [method, op] of Object.entries(methods)) {
      if (Array.isArray(op.security) && op.security.length === 0) continue;
      out.push({ method: method.toUpperCase(), path });
    }
  }
  return out;
}

describe('authentication comes before validation', () => {
  it('covers the routes that take input', () => {
    expect(authenticatedOperations().length).toBeGreaterThan(40);
  });

  for (const headers of [{}, { authorization: 'Bearer not-a-real-token-0123456789' }]) {
    it(`answers 401 to ${headers.authorization ? 'an unknown token' : 'no token'} whatever the input`, async () => {
      const wrong: string[] = [];
      for (const op of authenticatedOperations()) {
        const url = `${op.path.replace(/\{[^}]+\}/g, 'not-an-id')}?limit=-1&unexpected=1`;
        const res = await t.app.inject({
          method: op.method as 'POST',
          url,
          headers: { ...headers, ...(op.method === 'GET' ? {} : { 'content-type': 'application/json' }) },
          ...(op.method === 'GET' || op.method === 'DELETE' ? {} : { payload: '{"unexpected": [1, 2' }),
        });
        if (res.statusCode !== 401) wrong.push(`${op.method} ${op.path} → ${res.statusCode}`);
        else expect(res.json().type).toBe('https://infra-copilot.dev/problems/unauthorized');
      }
      expect(wrong).toEqual([]);
    });
  }
});
