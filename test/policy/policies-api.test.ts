import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCurrentPolicy } from '../../src/guardrails/policy/store/get-current-policy.ts';
import { createTestApp, type TestApp, type TestUser } from '../support/test-app.ts';

let t: TestApp;
let admin: TestUser;
let policyAdmin: TestUser;
let developer: TestUser;
let reviewer: TestUser;
const orgPolicy = readFileSync(join(import.meta.dirname, '../../guardrails/org-policy.yaml'), 'utf8');

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.createAdmin();
  policyAdmin = await t.createUser({ roles: ['policy_admin'], name: 'pat' });
  developer = await t.createUser({ roles: ['developer'], teams: ['payments'] });
  reviewer = await t.createUser({ roles: ['reviewer'] });
});
afterAll(() => t.close());

async function current(): Promise<{ version: number; text: string }> {
  const res = await t.app.inject({ method: 'GET', url: '/v1/policies/current', headers: developer.headers });
  expect(res.statusCode).toBe(200);
  return res.json();
}

async function save(user: TestUser, baseVersion: number, text: string, message = 'change') {
  return t.app.inject({
    method: 'PUT',
    url: '/v1/policies/current',
    headers: user.headers,
    payload: { baseVersion, text, message },
  });
}

describe('policy administration API', () => {
  it('seeds version 1 from guardrails/ and serves it as the compiled policy', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/v1/policies/versions/1',
      headers: reviewer.headers,
    });
    expect(res.statusCode).toBe(200);
    const v1 = res.json();
    expect(v1).toMatchObject({
      version: 1,
      text: orgPolicy,
      author: { name: 'system' },
      previousVersion: null,
    });
    expect(v1.diff.startsWith('--- /dev/null\n+++ policy v1\n@@ -0,0 +1,')).toBe(true);
  });

  it('saves versions with optimistic concurrency, diffs them, rolls back, and audits every change', async () => {
    const before = await current();
    const edited = before.text.replace('defaultBudgetUsd: 5000', 'defaultBudgetUsd: 7500');
    expect(edited).not.toBe(before.text);

    const saved = await save(policyAdmin, before.version, edited, 'raise the default budget');
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ version: before.version + 1, author: { name: 'pat' } });

    // A second editor still on the old base version gets 409 with the current version number.
    const stale = await save(admin, before.version, `${before.text}\n# mine\n`);
    expect(stale.statusCode).toBe(409);
    expect(stale.headers['content-type']).toContain('application/problem+json');
    expect(stale.json()).toMatchObject({ currentVersion: before.version + 1, baseVersion: before.version });

    const shown = await t.app.inject({
      method: 'GET',
      url: `/v1/policies/versions/${before.version + 1}`,
      headers: developer.headers,
    });
    expect(shown.json().diff).toContain('-      defaultBudgetUsd: 5000\n+      defaultBudgetUsd: 7500\n');
    expect(shown.json().previousVersion).toBe(before.version);

    // The compiled policy follows the store.
    const compiled = await getCurrentPolicy(t.app.db);
    expect(compiled.version).toBe(before.version + 1);
    expect(compiled.settings['team-monthly-budget']?.[0]?.params).toEqual({ defaultBudgetUsd: 7500 });

    const rolled = await t.app.inject({
      method: 'POST',
      url: `/v1/policies/versions/${before.version}/rollback`,
      headers: policyAdmin.headers,
      payload: { baseVersion: before.version + 1 },
    });
    expect(rolled.statusCode).toBe(201);
    expect(rolled.json()).toMatchObject({ version: before.version + 2, restoredFrom: before.version });
    expect((await current()).text).toBe(before.text);
    const afterRollback = await getCurrentPolicy(t.app.db);
    expect(afterRollback.version).toBe(before.version + 2);
    expect(afterRollback.settings['team-monthly-budget']?.[0]?.params).toEqual({ defaultBudgetUsd: 5000 });

    const list = await t.app.inject({
      method: 'GET',
      url: '/v1/policies/versions?limit=3',
      headers: reviewer.headers,
    });
    expect(list.json().versions.map((v: { version: number }) => v.version)).toEqual([
      before.version + 2,
      before.version + 1,
      before.version,
    ]);

    const audit = await t.app.audit.list({ subjectType: 'policy' });
    const actions = audit.map((e) => `${e.action}:${e.subject.id}`);
    expect(actions).toContain(`policy.update:${before.version + 1}`);
    expect(actions).toContain(`policy.rollback:${before.version + 2}`);
  });

  it('refuses an invalid policy with errors naming line and path, and stores nothing', async () => {
    const before = await current();
    const res = await save(
      policyAdmin,
      before.version,
      'version: 1\nrules:\n  allowed-regions:\n    severity: fatal\n',
    );
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      type: 'https://infra-copilot.dev/problems/policy-invalid',
      errors: [{ line: 4, path: 'rules.allowed-regions.severity' }],
    });
    expect((await current()).version).toBe(before.version);
  });

  it('validates a draft with line, column and path', async () => {
    const ok = await t.app.inject({
      method: 'POST',
      url: '/v1/policies/validate',
      headers: policyAdmin.headers,
      payload: { text: orgPolicy },
    });
    expect(ok.json()).toMatchObject({ valid: true, errors: [], summary: { customRules: 2 } });
    const bad = await t.app.inject({
      method: 'POST',
      url: '/v1/policies/validate',
      headers: admin.headers,
      payload: { text: 'version: 1\nwaivers:\n  maxDays: -3\n' },
    });
    expect(bad.statusCode).toBe(200);
    expect(bad.json()).toMatchObject({
      valid: false,
      errors: [{ line: 3, column: 12, path: 'waivers.maxDays', source: 'draft' }],
    });
  });

  it('lets only policy admins and admins change policy', async () => {
    const { version, text } = await current();
    const dev = await save(developer, version, text);
    expect(dev.statusCode).toBe(403);
    const rev = await save(reviewer, version, text);
    expect(rev.statusCode).toBe(403);
    const anon = await t.app.inject({
      method: 'PUT',
      url: '/v1/policies/current',
      payload: { baseVersion: version, text, message: 'x' },
    });
    expect(anon.statusCode).toBe(401);
    for (const url of ['/v1/policies/validate', '/v1/policies/dry-run']) {
      const res = await t.app.inject({ method: 'POST', url, headers: developer.headers, payload: { text } });
      expect(res.statusCode).toBe(403);
    }
    const rollback = await t.app.inject({
      method: 'POST',
      url: '/v1/policies/versions/1/rollback',
      headers: developer.headers,
      payload: {},
    });
    expect(rollback.statusCode).toBe(403);
    expect((await current()).version).toBe(version);
  });

  it('404s for a version that does not exist', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/v1/policies/versions/9999',
      headers: reviewer.headers,
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().type).toBe('https://infra-copilot.dev/problems/policy-version-not-found');
  });
});

describe('policy versions across replicas', () => {
  it('lets exactly one of two concurrent saves on the same base win, and every replica serves the winner', async () => {
    const replica = await createTestApp({ shareWith: t });
    try {
      const { version, text } = await current();
      const [a, b] = await Promise.all([
        save(policyAdmin, version, `${text}\n# edit a\n`, 'a'),
        replica.app.inject({
          method: 'PUT',
          url: '/v1/policies/current',
          headers: admin.headers,
          payload: { baseVersion: version, text: `${text}\n# edit b\n`, message: 'b' },
        }),
      ]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
      const winner = a.statusCode === 200 ? a.json() : b.json();
      const loser = a.statusCode === 409 ? a.json() : b.json();
      expect(loser.currentVersion).toBe(version + 1);
      expect(winner.version).toBe(version + 1);
      expect((await getCurrentPolicy(replica.app.db)).version).toBe(version + 1);
      expect((await getCurrentPolicy(t.app.db)).version).toBe(version + 1);
    } finally {
      await replica.close();
    }
  });
});

describe('OpenAPI', () => {
  it('documents the policy and waiver routes', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/docs/json' });
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json().paths);
    for (const p of [
      '/v1/policies/current',
      '/v1/policies/versions/{version}',
      '/v1/policies/versions/{version}/rollback',
      '/v1/policies/validate',
      '/v1/policies/dry-run',
      '/v1/waivers/',
      '/v1/waivers/{id}/revoke',
    ]) {
      expect(paths).toContain(p);
    }
  });
});
