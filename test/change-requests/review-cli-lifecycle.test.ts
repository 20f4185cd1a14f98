/**
 * The whole life of a change request from the terminal: `chat` /submit (recorded as the CLI's), a request for
 * changes, `/submit` again (the next revision, not a second request), `review diff`, `review approve
 * --comment`, `review apply` writing the export bundle to a folder, `review mark-applied`. And the channel is
 * the request's, not the conversation's: "submit it" sent over plain HTTP in a CLI conversation is `api`.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capture } from '../support/capture-stream.ts';
import { httpApiClient } from '../../src/cli/api-client.ts';
import { runChat } from '../../src/cli/commands/chat.ts';
import { runCli } from '../../src/cli/main.ts';
import { createTestApp, type TestApp, type TestUser } from '../support/test-app.ts';
import { get } from './support/api.ts';

let t: TestApp;
let url: string;
let dev: TestUser;
let reviewer: TestUser;
const dirs: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  dev = await t.createUser({ roles: ['developer'], teams: ['payments'] });
  reviewer = await t.createUser({ roles: ['reviewer'], teams: ['payments'] });
  url = await t.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await t.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function cli(user: TestUser, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out = capture();
  const err = capture();
  const code = await runCli([...args, '--url', url, '--token', user.token], {
    stdout: out.stream,
    stderr: err.stream,
    env: {},
  });
  return { code, out: out.text(), err: err.text() };
}

async function chat(title: string, conversationId: string | undefined, ...lines: string[]): Promise<string> {
  const out = new PassThrough();
  let text = '';
  out.on('data', (chunk: Buffer) => {
    text += chunk.toString('utf8');
  });
  async function* input() {
    for (const line of lines) yield line;
  }
  const api = httpApiClient(url, dev.token);
  await runChat(api, input(), out, {
    team: 'payments',
    environment: 'dev',
    title,
    ...(conversationId ? { conversationId } : {}),
  });
  return text;
}

describe('a change request from the terminal', () => {
  it('submits, revises after changes were requested, compares, approves with a comment, applies to a folder, marks applied', async () => {
    const first = await chat('exports', undefined, 'I need an SQS queue', '/submit');
    const conversationId = /Conversation ([0-9a-f-]{36})/.exec(first)![1]!;
    const id = /Change request ([0-9a-f-]{36}) opened for review/.exec(first)![1]!;
    expect((await get(t, reviewer, id)).channel).toBe('cli');

    const asked = await cli(
      reviewer,
      'review',
      'request-changes',
      id.slice(0, 8),
      '--reason',
      'make it FIFO',
    );
    expect(asked.code, asked.err).toBe(0);

    const second = await chat('exports', conversationId, 'make the queue FIFO', '/submit');
    expect(second).toContain(`Change request ${id} revised: revision 2 is up for review (open)`);
    const cr = await get(t, reviewer, id);
    expect(cr).toMatchObject({ revision: 2, state: 'open' });

    const diff = await cli(reviewer, 'review', 'diff', id.slice(0, 8));
    expect(diff.code, diff.err).toBe(0);
    expect(diff.out).toContain('Revision 1 -> 2');
    expect(diff.out).toMatch(/changed [a-z-]+ \(queue\): fifo \(unset\) → true/);

    const stale = await cli(reviewer, 'review', 'approve', id.slice(0, 8), '--revision', '1');
    expect(stale.code).toBe(1);
    expect(stale.err).toContain('revision 2 was submitted since');
    const approved = await cli(
      reviewer,
      'review',
      'approve',
      id.slice(0, 8),
      '--revision',
      '2',
      '--comment',
      'FIFO, good',
    );
    expect(approved.code, approved.err).toBe(0);
    expect(approved.out).toContain('approved (revision 2');

    const folder = mkdtempSync(join(tmpdir(), 'review-apply-'));
    dirs.push(folder);
    const out = join(folder, 'bundle');
    const applied = await cli(dev, 'review', 'apply', id.slice(0, 8), '--out', out);
    expect(applied.code, applied.err).toBe(0);
    expect(applied.out).toContain(
      `Bundle written to ${out}: template.yaml, template.json, diff.md, deploy.sh`,
    );
    expect(readFileSync(join(out, 'template.yaml'), 'utf8')).toContain('FifoQueue: true');
    expect(statSync(join(out, 'deploy.sh')).mode & 0o111).not.toBe(0);
    expect(existsSync(join(out, 'diff.md'))).toBe(true);

    const refused = await cli(reviewer, 'review', 'mark-failed', id.slice(0, 8));
    expect(refused.code).toBe(2);
    const marked = await cli(reviewer, 'review', 'mark-applied', id.slice(0, 8));
    expect(marked.code, marked.err).toBe(0);
    expect(marked.out).toContain(': applied (revision 2');
  });

  it('records a submit typed over HTTP in a CLI conversation as api, and one from the CLI as cli', async () => {
    const text = await chat('alerts', undefined, 'I need an SNS topic');
    const conversationId = /Conversation ([0-9a-f-]{36})/.exec(text)![1]!;
    const typed = await t.app.inject({
      method: 'POST',
      url: `/v1/conversations/${conversationId}/messages`,
      headers: dev.headers,
      payload: { text: 'submit it for review' },
    });
    const reply = (typed.json() as { reply: string }).reply;
    const id = /change request ([0-9a-f-]{36})/.exec(reply)![1]!;
    expect((await get(t, reviewer, id)).channel).toBe('api');
    const metrics = await t.app.inject({
      method: 'GET',
      url: '/v1/metrics/requests?team=payments',
      headers: reviewer.headers,
    });
    expect(metrics.statusCode).toBe(200);
    expect(JSON.stringify(metrics.json())).toMatch(/"cli"/);
  });
});
