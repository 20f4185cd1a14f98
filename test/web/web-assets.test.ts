import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_FILES } from '../../src/web/web-plugin.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { firstTurn } from './first-turn.ts';

describe('the web page over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('redirects / to the page, served as HTML under a strict content security policy', async () => {
    const root = await t.app.inject({ method: 'GET', url: '/' });
    expect(root.statusCode).toBe(302);
    expect(root.headers.location).toBe('/ui/');

    const page = await t.app.inject({ method: 'GET', url: '/ui/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("script-src-attr 'none'");
    expect(csp).toContain("img-src 'self' data:");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.body).toContain('<main id="main"');
    // Scripts only from files (no inline code, no inline handlers), none of them modules, nothing remote.
    const scripts = [...page.body.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/src="\/ui\/[a-z-]+\.js"/);
      expect(attrs).not.toContain('module');
      expect(body?.trim()).toBe('');
    }
    expect(page.body).not.toMatch(/\son[a-z]+=/i);
    expect(page.body).not.toMatch(/https?:\/\//);
  });

  it('serves each asset with its content type and an ETag that answers 304', async () => {
    const types = { html: 'text/html', js: 'text/javascript', css: 'text/css' } as const;
    for (const file of WEB_FILES) {
      const res = await t.app.inject({ method: 'GET', url: `/ui/${file}` });
      expect(res.statusCode, file).toBe(200);
      const ext = file.slice(file.lastIndexOf('.') + 1) as keyof typeof types;
      expect(res.headers['content-type']).toBe(`${types[ext]}; charset=utf-8`);
      expect(res.headers['cache-control']).toBe('no-cache');
      if (ext === 'js') {
        expect(res.body, file).not.toContain('innerHTML');
        expect(res.body, file).not.toMatch(/^\s*(import|export)\s/m);
      }
      const again = await t.app.inject({
        method: 'GET',
        url: `/ui/${file}`,
        headers: { 'if-none-match': String(res.headers.etag) },
      });
      expect(again.statusCode).toBe(304);
      expect(again.body).toBe('');
    }
  });

  it('answers an unknown file with a 404 problem, and never serves files outside the page', async () => {
    for (const url of ['/ui/nope.js', '/ui/web-plugin.ts', '/ui/..%2Fapp.ts', '/ui/%2e%2e/app.ts']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('leaves the API documentation page working', async () => {
    const docs = await t.app.inject({ method: 'GET', url: '/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger-ui');
    const spec = await t.app.inject({ method: 'GET', url: '/docs/json' });
    expect(spec.statusCode).toBe(200);
    expect(Object.keys(spec.json().paths)).not.toContain('/ui/{file}');
  });

  it('draws a proposal diagram as SVG for its viewers only', async () => {
    const dev = await t.createUser({ roles: ['developer'], teams: ['payments'] });
    const turn = await firstTurn(t, dev, 'a queue and a function for team payments, dev');
    const url = `/ui/diagram/${turn.conversationId}/${turn.proposal.id}`;

    const svg = await t.app.inject({ method: 'GET', url, headers: dev.headers });
    expect(svg.statusCode).toBe(200);
    expect(svg.headers['content-type']).toBe('image/svg+xml; charset=utf-8');
    expect(svg.headers['content-security-policy']).toContain("default-src 'none'");
    expect(svg.body).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg.body).toContain('data-id="queue"');
    expect(svg.body).not.toContain('<script');

    expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    const outsider = await t.createUser({ roles: ['developer'], teams: ['search'] });
    expect((await t.app.inject({ method: 'GET', url, headers: outsider.headers })).statusCode).toBe(404);
  });
});
