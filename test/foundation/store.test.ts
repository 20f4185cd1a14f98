import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listMigrations, migrate, pendingMigrations } from '../../src/store/migrator.ts';
import { createTestStore, type TestStore } from '../support/test-database.ts';

describe('store and migrator', () => {
  let s: TestStore;
  const dir = mkdtempSync(join(tmpdir(), 'icp-migrations-'));

  beforeAll(async () => {
    s = await createTestStore();
  });
  afterAll(async () => {
    await s.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('applies every migration file in order and reports none pending', async () => {
    expect(await pendingMigrations(s.store)).toEqual([]);
    const rows = await sql<{
      version: string;
    }>`select version from schema_migrations order by version`.execute(s.store.db);
    expect(rows.rows.map((r) => r.version)).toEqual(listMigrations().map((m) => m.version));
  });

  it('applies new files from a directory once, in version order', async () => {
    writeFileSync(join(dir, '9002_second.sql'), 'insert into probe (n) values (2);');
    writeFileSync(
      join(dir, '9001_first.sql'),
      'create table probe (n integer not null);\ninsert into probe (n) values (1);',
    );
    writeFileSync(join(dir, 'README.txt'), 'not a migration');
    const own = await createTestStore(); // its own schema: the shared one must keep only the real migrations
    try {
      expect(await pendingMigrations(own.store, dir)).toEqual(['9001_first', '9002_second']);
      expect(await migrate(own.store, dir)).toEqual(['9001_first', '9002_second']);
      expect(await migrate(own.store, dir)).toEqual([]);
      const rows = await sql<{ n: number }>`select n from probe order by n`.execute(own.store.db);
      expect(rows.rows).toEqual([{ n: 1 }, { n: 2 }]);
    } finally {
      await own.close();
    }
  });

  it('refuses two files with one version number', () => {
    const clash = mkdtempSync(join(tmpdir(), 'icp-clash-'));
    try {
      writeFileSync(join(clash, '0001_a.sql'), 'select 1;');
      writeFileSync(join(clash, '0001_b.sql'), 'select 1;');
      expect(() => listMigrations(clash)).toThrow(/share version 0001/);
    } finally {
      rmSync(clash, { recursive: true, force: true });
    }
  });
});
