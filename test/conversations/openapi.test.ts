import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

it('documents the conversation routes in the OpenAPI document', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/docs/json' });
  expect(res.statusCode).toBe(200);
  const doc = res.json() as { paths: Record<string, Record<string, unknown>> };
  expect(Object.keys(doc.paths)).toEqual(
    expect.arrayContaining([
      '/v1/conversations/',
      '/v1/conversations/{id}',
      '/v1/conversations/{id}/messages',
      '/v1/conversations/{id}/proposals/{proposalId}',
    ]),
  );
  expect(Object.keys(doc.paths['/v1/conversations/{id}/messages'] ?? {})).toContain('post');
});
