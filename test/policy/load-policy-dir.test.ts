import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  joinPolicyFiles,
  loadPolicyDir,
  readPolicyFiles,
} from '../../src/guardrails/policy/load-policy-dir.ts';
import { parsePolicy } from '../../src/guardrails/policy/parse-policy.ts';
import { PolicyInvalidError } from '../../src/guardrails/policy/policy-invalid-error.ts';

const dir = mkdtempSync(join(tmpdir(), 'policy-dir-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('loadPolicyDir (CLI --policy)', () => {
  it('merges the YAML files of a folder in name order; the joined text parses to the same policy', async () => {
    const ok = join(dir, 'ok');
    rmSync(ok, { recursive: true, force: true });
    mkdirSync(ok);
    writeFileSync(join(ok, 'b-team.yaml'), 'version: 1\nrules:\n  orphan-component: { enabled: false }\n');
    writeFileSync(
      join(ok, 'a-base.yml'),
      'version: 1\nwaivers: { maxDays: 30 }\nrules:\n  orphan-component: { severity: info }\n',
    );
    writeFileSync(join(ok, 'notes.txt'), 'not a policy');
    const policy = await loadPolicyDir(ok);
    expect(policy.rules['orphan-component']).toEqual([{ severity: 'info' }, { enabled: false }]);
    expect(policy.waivers.maxDays).toBe(30);
    const joined = joinPolicyFiles(await readPolicyFiles(ok));
    const again = parsePolicy(joined, { source: 'joined' });
    expect(again.rules).toEqual(policy.rules);
    // A single file works too.
    expect((await loadPolicyDir(join(ok, 'b-team.yaml'))).rules['orphan-component']).toEqual([
      { enabled: false },
    ]);
  });

  it('names the file and line of a problem, and refuses a missing folder', async () => {
    const bad = join(dir, 'bad');
    mkdirSync(bad, { recursive: true });
    writeFileSync(join(bad, 'org.yaml'), 'version: 1\nrules:\n  orphan-component:\n    enabled: maybe\n');
    const error = await loadPolicyDir(bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PolicyInvalidError);
    expect((error as PolicyInvalidError).issues[0]).toMatchObject({
      source: join(bad, 'org.yaml'),
      line: 4,
      path: 'rules.orphan-component.enabled',
    });
    expect((error as PolicyInvalidError).message).toContain(`${join(bad, 'org.yaml')}:4:`);
    await expect(loadPolicyDir(join(dir, 'missing'))).rejects.toBeInstanceOf(PolicyInvalidError);
  });
});
