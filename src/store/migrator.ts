/**
 * Applies src/store/migrations/NNNN_name.sql in order, each in its own transaction, recording each in
 * `schema_migrations`. Runs under a PostgreSQL advisory lock (keyed by schema) so several replicas can start
 * at once: the first applies, the others wait and then find nothing to do.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Kysely, sql } from 'kysely';
import type { Store } from './store.ts';

export const migrationsDir = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

export interface Migration {
  version: string;
  name: string;
  sql: string;
}

const fileName = /^(\d{4})_([a-z0-9_-]+)\.sql$/;

/** The migration files' versions and names, in version order, without reading them. Two files with one version number is an error. */
function migrationFiles(dir: string): Array<{ version: string; name: string; file: string }> {
  const seen = new Map<string, string>();
  const files: Array<{ version: string; name: string; file: string }> = [];
  for (const file of readdirSync(dir).sort()) {
    const match = fileName.exec(file);
    if (!match) continue;
    const [, version, name] = match as unknown as [string, string, string];
    const other = seen.get(version);
    if (other) throw new Error(`migrations ${other} and ${file} share version ${version}`);
    seen.set(version, file);
    files.push({ version, name, file });
  }
  return files;
}

/** Every migration file, in version order. Two files with one version number is an error. */
export function listMigrations(dir: string = migrationsDir): Migration[] {
  return migrationFiles(dir).map(({ version, name, file }) => ({
    version,
    name,
    sql: readFileSync(join(dir, file), 'utf8'),
  }));
}

async function ensureTable(db: Kysely<unknown>): Promise<void> {
  await sql`create table if not exists schema_migrations (
    version text primary key,
    name text not null,
    applied_at timestamptz not null default now()
  )`.execute(db);
}

async function appliedVersions(db: Kysely<unknown>): Promise<Set<string>> {
  const result = await sql<{ version: string }>`select version from schema_migrations`.execute(db);
  return new Set(result.rows.map((r) => r.version));
}

/** Versions not yet applied (empty when the schema is current). Runs on every /readyz probe, so it reads only file names. */
export async function pendingMigrations(store: Store, dir: string = migrationsDir): Promise<string[]> {
  const db = store.db as unknown as Kysely<unknown>;
  const exists = await sql<{ present: boolean }>`
    select to_regclass('schema_migrations') is not null as present`.execute(db);
  const applied = exists.rows[0]?.present ? await appliedVersions(db) : new Set<string>();
  return migrationFiles(dir)
    .filter((m) => !applied.has(m.version))
    .map((m) => `${m.version}_${m.name}`);
}

/** Applies every pending migration; returns the ones it applied (`NNNN_name`). */
export async function migrate(store: Store, dir: string = migrationsDir): Promise<string[]> {
  const migrations = listMigrations(dir);
  const db = store.db as unknown as Kysely<unknown>;
  return db.connection().execute(async (conn) => {
    const key = `infra-copilot:migrate:${store.schema}`;
    await sql`select pg_advisory_lock(hashtext(${key}))`.execute(conn);
    try {
      await ensureTable(conn);
      const applied = await appliedVersions(conn);
      const done: string[] = [];
      for (const migration of migrations) {
        if (applied.has(migration.version)) continue;
        await conn.transaction().execute(async (trx) => {
          await sql.raw(migration.sql).execute(trx);
          await sql`insert into schema_migrations (version, name) values (${migration.version}, ${migration.name})`.execute(
            trx,
          );
        });
        done.push(`${migration.version}_${migration.name}`);
      }
      return done;
    } finally {
      await sql`select pg_advisory_unlock(hashtext(${key}))`.execute(conn);
    }
  });
}
