import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll } from 'vitest';

/** Writes files (path → text) under a fresh temporary directory; `remove()` deletes it. */
export function fixtureTree(files: Record<string, string>): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'eval-fixture-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * For a test file that writes several trees: `tree(files)` writes one and returns its directory; every tree is
 * removed after the file's tests.
 */
export function fixtureTrees(): (files: Record<string, string>) => string {
  const removes: (() => void)[] = [];
  afterAll(() => {
    for (const remove of removes) remove();
  });
  return (files) => {
    const t = fixtureTree(files);
    removes.push(t.remove);
    return t.dir;
  };
}
