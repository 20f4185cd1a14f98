import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkoutSnapshot } from '../../eval/external/checkout-snapshot.ts';
import { snapshotCommit } from '../../eval/external/snapshot-commit.ts';
import { fixtureTree } from './fixture-tree.ts';

const t = fixtureTree({
  'repo/a/template.yaml': 'Resources: {}\n',
  'repo/big.bin': 'pretend this is a large asset the partial clone lacks\n',
});
afterAll(t.remove);

const git = (...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
    cwd: join(t.dir, 'repo'),
    encoding: 'utf8',
  }).trim();

describe('checkout-snapshot', () => {
  it("writes a clone's files and commit, leaving out blobs the clone does not hold", () => {
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'snapshot');
    const commit = git('rev-parse', 'HEAD');
    // A partial clone: the large blob is not in the object store.
    const blob = git('rev-parse', 'HEAD:big.bin');
    rmSync(join(t.dir, 'repo', '.git', 'objects', blob.slice(0, 2), blob.slice(2)));

    const out = join(t.dir, 'out');
    const result = checkoutSnapshot(join(t.dir, 'repo', '.git'), out);
    expect(result).toEqual({ commit, written: 1, missing: ['big.bin'] });
    expect(readFileSync(join(out, 'a', 'template.yaml'), 'utf8')).toBe('Resources: {}\n');
    expect(existsSync(join(out, 'big.bin'))).toBe(false);
    expect(snapshotCommit(out)).toBe(commit);
    // A git checkout names its own commit; a directory inside one is not that checkout.
    expect(snapshotCommit(join(t.dir, 'repo'))).toBe(commit);
    expect(snapshotCommit(join(t.dir, 'repo', 'a'))).toBeUndefined();
    expect(() => checkoutSnapshot(join(t.dir, 'repo', '.git'), out)).toThrow(/exists already/);
  });
});
