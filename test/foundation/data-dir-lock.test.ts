import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { openStore } from '../../src/store/store.ts';

// A server on ./data plus `infra-copilot review` without --url would both write DATA_DIR/pgdata.
const dataDir = mkdtempSync(join(tmpdir(), 'icp-lock-'));
const lockFile = join(dataDir, 'pgdata.lock');
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

// Each test opens an embedded PostgreSQL of its own (a fresh PGlite, seconds on an idle machine): on a loaded
// one, with the worker's shared PGlite already in memory, that outgrows the default 20 s.

it('refuses a second opener of an embedded store while the first has it, and names the way out', async () => {
  const first = await openStore({ dataDir });
  await expect(openStore({ dataDir })).rejects.toThrow(/pgdata is in use by process \d+ .*--url/);
  await first.close();
  const again = await openStore({ dataDir });
  await again.ping();
  await again.close();
}, 60_000);

it('refuses a lock held by another live process, and takes over one whose process is gone', async () => {
  writeFileSync(lockFile, `${process.ppid}\n`);
  await expect(openStore({ dataDir })).rejects.toThrow(`in use by process ${process.ppid}`);
  const gone = spawnSync(process.execPath, ['-e', '']).pid;
  writeFileSync(lockFile, `${gone}\n`);
  const store = await openStore({ dataDir });
  await store.ping();
  await store.close();
}, 60_000);
