/**
 * Opens the store: Kysely over PGlite in DATA_DIR by default, over a pg Pool when a DATABASE_URL is given.
 * A `schema` puts every query of this store in that schema (tests isolate by schema this way).
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.ts';
import type { Database } from './database.ts';
import { PgliteDialect, quoteIdent } from './pglite-dialect.ts';

export interface StoreOptions {
  /** PostgreSQL URL; when absent, PGlite is used. */
  databaseUrl?: string | undefined;
  /** Directory for the PGlite data (`<dataDir>/pgdata`); ignored with databaseUrl or pglite. */
  dataDir?: string | undefined;
  /** An already open PGlite to share (tests); it is NOT closed when this store closes. */
  pglite?: PGlite | undefined;
  /** Schema for every query (created if missing). Default: public. */
  schema?: string | undefined;
  /** pg pool size. Default 10. */
  poolSize?: number | undefined;
}

export interface Store {
  readonly db: Kysely<Database>;
  readonly kind: 'pglite' | 'postgres';
  readonly schema: string;
  /** Round trip to the database; throws when it is unreachable. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

const schemaName = /^[a-z_][a-z0-9_]{0,62}$/;

export async function openStore(options: StoreOptions = {}): Promise<Store> {
  const schema = options.schema ?? 'public';
  if (!schemaName.test(schema)) throw new Error(`invalid schema name ${JSON.stringify(schema)}`);
  let db: Kysely<Database>;
  let kind: Store['kind'];
  let release: (() => Promise<void>) | undefined;
  if (options.databaseUrl && !options.pglite) {
    kind = 'postgres';
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      ...(schema === 'public' ? {} : { options: `-c search_path=${schema},public` }),
    });
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  } else {
    kind = 'pglite';
    let pglite = options.pglite;
    let onDestroy: (() => Promise<void>) | undefined;
    if (!pglite) {
      const dir = resolve(options.dataDir ?? './data', 'pgdata');
      mkdirSync(dir, { recursive: true });
      const unlock = lockDataDir(dir);
      const owned = await PGlite.create(join(dir)).catch((error: unknown) => {
        unlock();
        throw error;
      });
      pglite = owned;
      let released = false;
      // by Kysely's destroy, or by close() when no query ever started Kysely's driver
      release = async () => {
        if (released) return;
        released = true;
        await owned.close().finally(unlock);
      };
      onDestroy = release;
    }
    db = new Kysely<Database>({ dialect: new PgliteDialect({ pglite, schema, onDestroy }) });
  }
  if (schema !== 'public')
    await db.transaction().execute(async (trx) => {
      // under a lock: concurrent `create schema if not exists` can still collide on the catalog
      await sql`select pg_advisory_xact_lock(hashtext(${`infra-copilot:schema:${schema}`}))`.execute(trx);
      await sql.raw(`create schema if not exists ${quoteIdent(schema)}`).execute(trx);
    });
  let closed = false;
  return {
    db,
    kind,
    schema,
    async ping() {
      await sql`select 1 as ok`.execute(db);
    },
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
      await release?.();
    },
  };
}
