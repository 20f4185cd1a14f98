import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loggerOptions } from '../../src/http/logger.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

describe('ops endpoints, OpenAPI, request ids and logs', () => {
  let t: TestApp;
  const lines: Array<Record<string, unknown>> = [];

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk, _enc, done) {
        for (const line of String(chunk).split('\n')) if (line) lines.push(JSON.parse(line));
        done();
      },
    });
    const logger = pino(loggerOptions({ LOG_LEVEL: 'info' }), sink);
    t = await createTestApp({
      logger,
      beforeReady: (app) => {
        app.post('/test/log-secrets', async (request) => {
          request.log.info(
            { token: 'icp_supersecret', nested: { password: 'hunter2', apiKey: 'sk-123' } },
            'about to work',
          );
          return { ok: true };
        });
      },
    });
  });
  afterAll(() => t.close());

  it('serves /healthz and /readyz', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready' });
  });

  it('serves Prometheus metrics with the request duration histogram by route and status', async () => {
    await t.app.inject({ method: 'GET', url: '/v1/me' });
    const res = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.body).toMatch(
      /http_request_duration_seconds_count\{method="GET",route="\/v1\/me",status_code="401"\} 1/,
    );
  });

  it('serves the OpenAPI document with the route schemas and the UI', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/docs/json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/v1/me', '/v1/admin/users', '/v1/audit/', '/healthz']),
    );
    expect(doc.paths['/v1/admin/users'].post.requestBody.content['application/json'].schema).toBeDefined();
    const ui = await t.app.inject({ method: 'GET', url: '/docs/' });
    expect(ui.statusCode).toBe(200);
  });

  it('sets security headers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('keeps a sane incoming request id, replaces an insane one, and logs it on every line', async () => {
    const kept = await t.app.inject({
      method: 'GET',
      url: '/healthz',
      headers: { 'x-request-id': 'abc-123' },
    });
    expect(kept.headers['x-request-id']).toBe('abc-123');
    const replaced = await t.app.inject({
      method: 'GET',
      url: '/healthz',
      headers: { 'x-request-id': 'bad id\u0000<script>' },
    });
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);

    lines.length = 0;
    const res = await t.app.inject({
      method: 'POST',
      url: '/test/log-secrets',
      headers: { 'x-request-id': 'log-req-1', authorization: 'Bearer icp_headersecret' },
      payload: {},
    });
    expect(res.statusCode).toBe(200);
    const mine = lines.filter((l) => l.requestId === 'log-req-1');
    expect(mine.length).toBeGreaterThanOrEqual(3);
    expect(lines.every((l) => typeof l.requestId === 'string')).toBe(true);
    const text = JSON.stringify(lines);
    for (const secret of ['icp_supersecret', 'hunter2', 'sk-123', 'icp_headersecret'])
      expect(text).not.toContain(secret);
    expect(text).toContain('[redacted]');
  });
});
