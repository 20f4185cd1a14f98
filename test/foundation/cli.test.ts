import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.ts';
import { capture } from '../support/capture-stream.ts';
import { createTestApp, type TestApp, type TestUser } from '../support/test-app.ts';

describe('infra-copilot CLI', () => {
  let t: TestApp;
  let url: string;
  let reviewer: TestUser;
  const dataDir = mkdtempSync(join(tmpdir(), 'icp-cli-'));

  beforeAll(async () => {
    t = await createTestApp();
    reviewer = await t.createUser({ name: 'rosa', roles: ['reviewer'], teams: ['payments'] });
    url = await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('stops a command on a bad setting with exit code 2 and one line naming it', async () => {
    const err = capture();
    const code = await runCli(['serve'], { stderr: err.stream, env: { PORT: 'eighty' } });
    expect(code).toBe(2);
    expect(err.text()).toMatch(/^infra-copilot serve: invalid configuration: PORT.*\n$/);
  });

  it('lists the registered subcommands', async () => {
    const out = capture();
    expect(await runCli(['help'], { stdout: out.stream, env: {} })).toBe(0);
    expect(out.text()).toMatch(/serve\s/);
    expect(out.text()).toMatch(/migrate\s/);
    expect(out.text()).toMatch(/whoami\s/);
  });

  it("prints a command's usage for --help (or -h) and exits 0 without running it", async () => {
    for (const argv of [['serve', '--help'], ['review', 'approve', '-h'], ['check', '--help']]) {
      const out = capture();
      const err = capture();
      expect(await runCli(argv, { stdout: out.stream, stderr: err.stream, env: {} })).toBe(0);
      expect(out.text()).toContain(`usage: infra-copilot ${argv[0]}`);
      expect(err.text()).toBe('');
    }
  });

  it('talks to a running server with the token from the first-start file in DATA_DIR', async () => {
    writeFileSync(join(dataDir, 'admin-token'), `${reviewer.token}\n`, { mode: 0o600 });
    const out = capture();
    const code = await runCli(['whoami', '--json', '--url', url], {
      stdout: out.stream,
      env: { DATA_DIR: dataDir },
    });
    expect(code).toBe(0);
    expect(JSON.parse(out.text())).toEqual({
      id: reviewer.user.id,
      name: 'rosa',
      roles: ['reviewer'],
      teams: ['payments'],
    });
  });

  it('prefers --token and reports a refused token with a non-zero exit', async () => {
    const err = capture();
    const code = await runCli(['whoami', `--url=${url}`, '--token', 'icp_wrong'], {
      stderr: err.stream,
      env: { DATA_DIR: dataDir },
    });
    expect(code).toBe(1);
    expect(err.text()).toContain('401');
  });

  it('rejects an unknown command', async () => {
    const err = capture();
    expect(await runCli(['frobnicate'], { stderr: err.stream, env: {} })).toBe(1);
    expect(err.text()).toContain('unknown command "frobnicate"');
  });
});
