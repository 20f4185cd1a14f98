/**
 * Start-up identity bootstrap.
 * - COPILOT_ADMIN_TOKEN set: makes sure an admin holding that token exists.
 * - Otherwise, on an EMPTY store (no users) and with writeTokenFile: creates user `admin` with a fresh token,
 *   writes it to `<DATA_DIR>/admin-token` (mode 0600) and logs where. The CLI reads that file, so the quick
 *   start needs no token dance. The file is written once; later starts leave it alone.
 */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { sql, type Transaction } from 'kysely';
import type { Database } from '../store/database.ts';
import { generateToken } from './token.ts';

export const ADMIN_TOKEN_FILE = 'admin-token';

export interface BootstrapOptions {
  adminToken?: string | undefined;
  dataDir: string;
  writeTokenFile: boolean;
}

export function adminTokenPath(dataDir: string): string {
  return resolve(dataDir, ADMIN_TOKEN_FILE);
}

/** Runs `work` in a transaction holding the bootstrap lock, so replicas starting together bootstrap once. */
function underBootstrapLock<T>(
  app: FastifyInstance,
  work: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  return app.db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext('infra-copilot:bootstrap'))`.execute(trx);
    return work(trx);
  });
}

async function bootstrapPlugin(app: FastifyInstance, options: BootstrapOptions): Promise<void> {
  if (options.adminToken) {
    const token = options.adminToken;
    const user = await underBootstrapLock(app, (trx) => app.identity.ensureAdminToken(token, 'admin', trx));
    app.log.info({ userId: user.id, user: user.name }, 'COPILOT_ADMIN_TOKEN admin ensured');
    return;
  }
  if (!options.writeTokenFile) return;
  const token = generateToken();
  const created = await underBootstrapLock(app, async (trx) => {
    if ((await app.identity.countUsers(trx)) > 0) return undefined;
    const user = await app.identity.createUser({ name: 'admin', roles: ['admin'] }, trx);
    await app.identity.issueToken(user.id, 'bootstrap-file', trx, token);
    await app.audit.record(
      {
        action: 'user.bootstrap',
        subject: { type: 'user', id: user.id },
        after: user,
        summary: { name: 'admin' },
      },
      trx,
    );
    return user;
  });
  if (!created) return;
  const path = adminTokenPath(options.dataDir);
  mkdirSync(resolve(options.dataDir), { recursive: true });
  writeFileSync(path, `${token}\n`, { mode: 0o600 });
  chmodSync(path, 0o600);
  app.log.warn({ path }, `first start: admin token written to ${path} (mode 0600); the CLI reads it`);
}

export default fp(bootstrapPlugin, { name: 'bootstrap', dependencies: ['identity', 'audit'] });
