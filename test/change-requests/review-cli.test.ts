import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capture } from '../support/capture-stream.ts';
import { runCli } from '../../src/cli/main.ts';
import { createTestApp, type TestApp, type TestUser } from '../support/test-app.ts';
import { seedFourRequests } from './support/four-requests.ts';

let t: TestApp;
let url: string;
let reviewer: TestUser;
let ids: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  ({ reviewer, ids } = await seedFourRequests(t));
  url = await t.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(() => t.close());

describe('infra-copilot review', () => {
  it('lists the queue, shows one request with its diff, and approves it', async () => {
    const list = capture();
    expect(
      await runCli(['review', '--team', 'payments', '--url', url, '--token', reviewer.token], {
        stdout: list.stream,
        env: {},
      }),
    ).toBe(0);
    const lines = list.text().trim().split('\n');
    expect(lines[0]).toMatch(/^ID\s+AGE\s+RISK\s+STATE\s+APPROVALS\s+STACK\s+AUTHOR\s+TITLE$/);
    expect(lines.slice(1).map((l) => l.slice(0, 8))).toEqual([ids.a?.slice(0, 8), ids.c?.slice(0, 8)]);

    const show = capture();
    const short = (ids.a as string).slice(0, 8);
    expect(
      await runCli(['review', 'show', short, '--url', url, '--token', reviewer.token], {
        stdout: show.stream,
        env: {},
      }),
    ).toBe(0);
    expect(show.text()).toContain('request a');
    expect(show.text()).toContain(`id        ${ids.a}`);
    expect(show.text()).toMatch(/to add/);

    const err = capture();
    expect(
      await runCli(['review', 'reject', short, '--url', url, '--token', reviewer.token], {
        stdout: capture().stream,
        stderr: err.stream,
        env: {},
      }),
    ).toBe(2);
    expect(err.text()).toContain('--reason');

    const unknown = capture();
    expect(
      await runCli(['review', '--colour', '--url', url, '--token', reviewer.token], {
        stdout: capture().stream,
        stderr: unknown.stream,
        env: {},
      }),
    ).toBe(2);
    expect(unknown.text()).toContain("Unknown option '--colour'");

    const approve = capture();
    expect(
      await runCli(['review', 'approve', short, '--url', url, '--token', reviewer.token], {
        stdout: approve.stream,
        env: {},
      }),
    ).toBe(0);
    expect(approve.text()).toContain(`${short} request a: approved (revision 1, version 2)`);
  });
});
