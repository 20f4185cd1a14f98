import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { defaultConfig } from '../../src/config/config.ts';
import { dropTestSchema, freshSchemaName, openTestStore } from '../support/test-database.ts';

const dirs: string[] = [];
const schemas: string[] = [];
afterAll(async () => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  for (const schema of schemas) await dropTestSchema(schema);
});

async function start(schema: string, config: Parameters<typeof defaultConfig>[0]) {
  const store = await openTestStore(schema);
  const app = await buildApp(defaultConfig({ LOG_LEVEL: 'silent', ...config }), {
    store,
    processMetrics: false,
  });
  await app.ready();
  return app;
}

const me = async (app: Awaited<ReturnType<typeof start>>, token: string) =>
  app.inject({ method: 'GET', url: '/v1/me', headers: { authorization: `Bearer ${token}` } });

describe('identity bootstrap', () => {
  it('writes a one-time admin token to a 0600 file on the first start of an empty store', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'icp-boot-'));
    dirs.push(dataDir);
    const schema = freshSchemaName();
    schemas.push(schema);

    const first = await start(schema, { DATA_DIR: dataDir });
    const file = join(dataDir, 'admin-token');
    const token = readFileSync(file, 'utf8').trim();
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const res = await me(first, token);
    expect(res.json()).toMatchObject({ name: 'admin', roles: ['admin'] });
    await first.close();

    // a second start (store no longer empty) leaves the file and the token alone
    rmSync(file);
    const second = await start(schema, { DATA_DIR: dataDir });
    expect(() => statSync(file)).toThrow();
    expect((await me(second, token)).statusCode).toBe(200);
    await second.close();
  });

  it('makes sure an admin holding COPILOT_ADMIN_TOKEN exists, idempotently', async () => {
    const schema = freshSchemaName();
    schemas.push(schema);
    const token = 'operator-chosen-token-0123456789';
    for (let i = 0; i < 2; i += 1) {
      const app = await start(schema, { COPILOT_ADMIN_TOKEN: token, DATA_DIR: '/nonexistent-not-written' });
      const res = await me(app, token);
      expect(res.statusCode).toBe(200);
      expect(res.json().roles).toContain('admin');
      const users = await app.identity.listUsers();
      expect(users.map((u) => u.name)).toEqual(['admin']);
      await app.close();
    }
  });
});
