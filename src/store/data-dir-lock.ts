/**
 * One process at a time on an embedded store. PGlite has no lock of its own, and two processes writing the
 * same `DATA_DIR/pgdata` corrupt it: a running server plus the CLI without `--url`, or two servers. The lock
 * is a file `DATA_DIR/pgdata.lock` holding the owner's pid; a lock whose process is gone (a crash, a
 * container restart where the new process has the old pid) is taken over.
 */
import { linkSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const heldHere = new Set<string>();

/** Another live process (or another store of this process) has the embedded store open. */
export class DataDirInUseError extends Error {}

/** Takes the lock of `pgdataDir`, or throws a DataDirInUseError naming the holder; returns the release. */
export function lockDataDir(pgdataDir: string): () => void {
  const path = `${pgdataDir}.lock`;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    // The lock appears with its pid already in it (written aside, then linked into place, which fails when
    // the lock exists), so no other process can ever read a lock file that has no owner yet.
    const pending = `${path}.${process.pid}`;
    writeFileSync(pending, `${process.pid}\n`, { mode: 0o600 });
    try {
      linkSync(pending, path);
      heldHere.add(path);
      return () => {
        heldHere.delete(path);
        rmSync(path, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      rmSync(pending, { force: true });
    }
    const holder = holderOf(path);
    if (heldHere.has(path) || (holder !== undefined && holder !== process.pid && isAlive(holder))) {
      throw new DataDirInUseError(
        `${pgdataDir} is in use by process ${holder ?? '?'} (a running server?): stop it, or give the CLI ` +
          `--url to talk to that server; if no such process runs, delete ${path}`,
      );
    }
    rmSync(path, { force: true }); // stale: its process is gone
  }
  throw new DataDirInUseError(`${pgdataDir} is being opened by another process; try again`);
}

function holderOf(path: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(path, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
