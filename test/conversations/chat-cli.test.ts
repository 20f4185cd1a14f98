import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { inProcessApiClient } from '../../src/cli/api-client.ts';
import { inputLines, runChat } from '../../src/cli/commands/chat.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function* lines(...items: string[]): AsyncIterable<string> {
  for (const item of items) yield item;
}

it('chats in the terminal: reply, findings, cost and diff after each message', async () => {
  const dev = await t.createUser({ roles: ['developer'], teams: ['payments'] });
  const api = inProcessApiClient(t.app, dev.token);
  const out = new PassThrough();
  let text = '';
  out.on('data', (chunk: Buffer) => {
    text += chunk.toString('utf8');
  });
  const code = await runChat(
    api,
    lines(
      'an S3 bucket with versioning',
      'add a Lambda that reads from the bucket',
      '/yaml',
      '/quit',
      'never read',
    ),
    out,
    { team: 'payments', environment: 'dev', title: 'uploads' },
  );
  expect(code).toBe(0);
  expect(text).toMatch(/Conversation [0-9a-f-]{36} · team payments · dev/);
  expect(text).toMatch(/Done: added bucket \(S3 bucket: versioning true\)/);
  expect(text).toMatch(/Findings: \d+ error\(s\), \d+ warning\(s\)/);
  expect(text).toMatch(/Cost: \$\d+\.\d{2}\/month/);
  expect(text).toMatch(/Diff: \d+ to add/);
  expect(text).toContain('AWS::Lambda::Function');
  expect(text).not.toContain('never read');
  const conversationId = /Conversation ([0-9a-f-]{36})/.exec(text)![1]!;
  const stored = await t.app.inject({
    method: 'GET',
    url: `/v1/conversations/${conversationId}`,
    headers: dev.headers,
  });
  expect(stored.json()).toMatchObject({ channel: 'cli', turnCount: 2 });
});

it('says why it cannot start when the team is not the caller’s', async () => {
  const dev = await t.createUser({ roles: ['developer'], teams: ['payments'] });
  const out = new PassThrough();
  let text = '';
  out.on('data', (chunk: Buffer) => {
    text += chunk.toString('utf8');
  });
  const code = await runChat(inProcessApiClient(t.app, dev.token), lines('a queue'), out, { team: 'search' });
  expect(code).toBe(1);
  expect(text).toMatch(/Could not start a conversation: 403 You are not a member of team search/);
});

it('answers piped input that arrived and ended before the conversation was created', async () => {
  const dev = await t.createUser({ roles: ['developer'], teams: ['payments'] });
  const input = new PassThrough();
  input.end('a queue and a worker consuming it\nwhat does this cost?\n');
  const { rl, lines } = inputLines(input, new PassThrough(), false);
  // `printf ... | infra-copilot chat`: the whole input is read, and closed, while the app starts
  await new Promise((resolve) => setTimeout(resolve, 50));
  const out = new PassThrough();
  let text = '';
  out.on('data', (chunk: Buffer) => {
    text += chunk.toString('utf8');
  });
  const code = await runChat(inProcessApiClient(t.app, dev.token), lines, out, {
    team: 'payments',
    environment: 'dev',
  });
  rl.close();
  expect(code).toBe(0);
  expect(text).toMatch(/Done: added queue \(SQS queue\), worker/);
  expect(text).toMatch(/Estimated \$\d+\.\d{2}\/month/);
});
