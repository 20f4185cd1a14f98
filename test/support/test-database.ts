/**
 * Test databases. PGlite: ONE instance per vitest worker (it costs ~700 MB and ~2 s), shared by every test
 * app of that worker, each app in its own schema. PostgreSQL when TEST_DATABASE_URL is set: a fresh schema
 * per test app, dropped when it closes.
 */
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import { migrate } from '../../src/store/migrator.ts';
import { quoteIdent } from '../../src/store/pglite-dialect.ts';
import { openStore, type Store } from '../../src/store/store.ts';

const key = Symbol.for('infra-copilot.test.pglite');
type Holder = { [key]?: Promise<PGlite> };

/** The worker's shared PGlite (created on first use, closed when the worker exits). */
export function sharedPglite(): Promise<PGlite> {
  const holder = globalThis as Holder;
  holder[key] ??= PGlite.create();
  return holder[key];
}

export const testDatabaseUrl: string | undefined = process.env.TEST_DATABASE_URL || undefined;

/** A fresh, unique schema name (`t_<hex>`). */
export function freshSchemaName(): string {
  return `t_${randomBytes(6).toString('hex')}`;
}

/** Opens a store on the test database in `schema` (created if missing). Not migrated. */
export async function openTestStore(schema: string): Promise<Store> {
  if (testDatabaseUrl) return openStore({ databaseUrl: testDatabaseUrl, schema, poolSize: 4 });
  return openStore({ pglite: await sharedPglite(), schema });
}

/** Drops a test schema and everything in it. */
export async function dropTestSchema(schema: string): Promise<void> {
  const store = testDatabaseUrl
    ? await openStore({ databaseUrl: testDatabaseUrl, poolSize: 1 })
    : await openStore({ pglite: await sharedPglite() });
  try {
    await sql.raw(`drop schema if exists ${quoteIdent(schema)} cascade`).execute(store.db);
  } finally {
    await store.close();
  }
}

export interface TestStore {
  store: Store;
  schema: string;
  /** Closes the store and drops its schema. */
  close(): Promise<void>;
}

/** A migrated store on a fresh schema, for tests of store-level code without HTTP. */
export async function createTestStore(): Promise<TestStore> {
  const schema = freshSchemaName();
  const store = await openTestStore(schema);
  await migrate(store);
  return {
    store,
    schema,
    async close() {
      await store.close();
      await dropTestSchema(schema);
    },
  };
}
