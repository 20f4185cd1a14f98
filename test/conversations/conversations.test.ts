import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../support/test-app.ts';

let t: TestApp;
let dev: TestUser;

beforeAll(async () => {
  t = await createTestApp();
  dev = await t.createUser({ roles: ['developer'], teams: ['payments'] });
});
afterAll(() => t.close());

async function start(user: TestUser, payload: Record<string, unknown> = {}): Promise<string> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/v1/conversations',
    headers: user.headers,
    payload,
  });
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { id: string }).id;
}

async function say(user: TestUser, id: string, text: string) {
  return t.app.inject({
    method: 'POST',
    url: `/v1/conversations/${id}/messages`,
    headers: user.headers,
    payload: { text },
  });
}

interface TurnBody {
  reply: string;
  questions: string[];
  operations: { op: string }[];
  intent: string;
  proposal: {
    id: string;
    stackName: string | null;
    architecture: {
      name: string;
      team: string | null;
      environment: string | null;
      components: { id: string; kind: string; params: Record<string, unknown> }[];
    };
    findings: { severity: string; status: string }[];
    templateYaml: string;
    template: { Resources: Record<string, { Type: string }> };
    diff: { summaryLine: string; newStack: boolean };
    cost: { monthlyTotal: number } | null;
  };
}

describe('a conversation, turn by turn', () => {
  it('turns the first message into a proposal with a template, findings, cost and diff', async () => {
    const id = await start(dev, { title: 'checkout' });
    const res = await say(
      dev,
      id,
      'I need an API with a Postgres database and a queue for background jobs, prod, team payments',
    );
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as TurnBody;
    const kinds = body.proposal.architecture.components.map((c) => c.kind).sort();
    expect(kinds).toEqual(['function', 'http_api', 'postgres', 'queue', 'worker']);
    expect(body.proposal.architecture.team).toBe('payments');
    expect(body.proposal.architecture.environment).toBe('prod');
    const types = Object.values(body.proposal.template.Resources).map((r) => r.Type);
    expect(types).toContain('AWS::RDS::DBInstance');
    expect(types).toContain('AWS::SQS::Queue');
    expect(body.proposal.templateYaml).toContain('AWS::ApiGatewayV2::Api');
    expect(body.proposal.diff.newStack).toBe(true);
    expect(body.proposal.cost?.monthlyTotal).toBeGreaterThan(0);
    expect(body.reply).toMatch(/added .*db \(Postgres database\)/);
    expect(body.reply).toMatch(/Estimated cost: \$[\d,.]+\/month/);
  });

  it('edits what exists, undoes and redoes it', async () => {
    const id = await start(dev, { team: 'payments', environment: 'dev' });
    await say(dev, id, 'a MySQL database with 100 GB');
    const bumped = (await say(dev, id, 'bump it to 500 GB')).json() as TurnBody;
    expect(bumped.proposal.architecture.components[0]?.params.storage_gb).toBe(500);
    const undone = (await say(dev, id, 'undo that')).json() as TurnBody;
    expect(undone.intent).toBe('undo');
    expect(undone.proposal.architecture.components[0]?.params.storage_gb).toBe(100);
    const redone = (await say(dev, id, 'redo')).json() as TurnBody;
    expect(redone.proposal.architecture.components[0]?.params.storage_gb).toBe(500);
    const got = await t.app.inject({ method: 'GET', url: `/v1/conversations/${id}`, headers: dev.headers });
    const conversation = got.json() as {
      turns: { message: string; planner: string; proposalId: string | null }[];
      version: number;
    };
    expect(conversation.turns.map((x) => x.message)).toEqual([
      'a MySQL database with 100 GB',
      'bump it to 500 GB',
      'undo that',
      'redo',
    ]);
    expect(conversation.turns.every((x) => x.planner === 'embedded' && x.proposalId !== null)).toBe(true);
    expect(conversation.version).toBe(4);
  });

  it('answers a question without changing anything', async () => {
    const id = await start(dev, { team: 'payments', environment: 'prod' });
    const first = (await say(dev, id, 'a Postgres database')).json() as TurnBody;
    const answer = (await say(dev, id, 'why is the database multi-AZ?')).json() as TurnBody;
    expect(answer.intent).toBe('question');
    expect(answer.operations).toEqual([]);
    expect(answer.proposal.id).toBe(first.proposal.id);
    expect(answer.reply).toMatch(/multi_az is true/);
    expect(answer.reply).not.toContain('..');
    const cost = (await say(dev, id, 'what does this cost?')).json() as TurnBody;
    expect(cost.reply).toMatch(/Estimated \$[\d,.]+\/month/);
  });

  it('answers "why" with the reason a rule gives, not a list of rule ids', async () => {
    const id = await start(dev, { team: 'payments', environment: 'prod' });
    await say(dev, id, 'a Postgres database');
    const answer = (
      await say(dev, id, 'why is the database encrypted? we didnt ask for that')
    ).json() as TurnBody;
    expect(answer.intent).toBe('question');
    expect(answer.operations).toEqual([]);
    expect(answer.reply).toMatch(/^db is encrypted because the org's guardrails require it/);
    expect(answer.reply).toMatch(/\(rds-[a-z-]*encrypt[a-z-]*\): [A-Z]/);
  });

  it('submits the latest proposal for review when asked', async () => {
    const id = await start(dev, { team: 'payments', environment: 'staging', title: 'reports' });
    await say(dev, id, 'an S3 bucket with versioning');
    const blocking = (await say(dev, id, 'what is blocking this?')).json() as TurnBody;
    expect(blocking.intent).toBe('question');
    expect(blocking.reply).toMatch(/^(Nothing blocks it|\d+ blocking finding)/);
    const submitted = (await say(dev, id, 'looks good, submit it for review')).json() as TurnBody;
    expect(submitted.intent).toBe('submit');
    const crId = /change request ([0-9a-f-]{36})/.exec(submitted.reply)?.[1];
    expect(crId, submitted.reply).toBeDefined();
    const cr = await t.app.inject({
      method: 'GET',
      url: `/v1/change-requests/${crId}`,
      headers: dev.headers,
    });
    expect(cr.statusCode).toBe(200);
    expect(cr.json()).toMatchObject({ conversationId: id });
  });

  it('asks one short question when team and environment are missing, and still proposes', async () => {
    const loner = await t.createUser({ roles: ['developer'], teams: [] });
    const id = await start(loner);
    const body = (await say(loner, id, 'an S3 bucket')).json() as TurnBody;
    expect(body.proposal.architecture.components.map((c) => c.kind)).toEqual(['bucket']);
    expect(body.questions).toEqual([
      `What should the app be called? Its stack is named after it; I used ${body.proposal.architecture.name} for now.`,
      'Which team owns this, and which environment (dev, staging or prod)?',
    ]);
    expect(body.proposal.architecture.name).toMatch(/^app-[0-9a-f]{6}$/);
  });

  it('never puts two of a team’s conversations on one stack without saying so', async () => {
    const first = await start(dev, { team: 'payments', environment: 'dev' });
    const second = await start(dev, { team: 'payments', environment: 'dev' });
    const a = (await say(dev, first, 'a queue. call the app orders')).json() as TurnBody;
    expect(a.proposal.stackName).toBe('payments-orders-dev');
    expect(a.reply).not.toContain('also works on');
    const b = (await say(dev, second, 'a bucket. call the app orders')).json() as TurnBody;
    expect(b.proposal.stackName).toBe('payments-orders-dev');
    expect(b.reply).toContain('also works on the payments orders stack in dev');
    const c = (await say(dev, second, 'call the app receipts')).json() as TurnBody;
    expect(c.proposal.stackName).toBe('payments-receipts-dev');
    expect(c.reply).not.toContain('also works on');
  });
});

describe('bad input and other people', () => {
  it('rejects empty and oversized messages naming text', async () => {
    const id = await start(dev);
    const empty = await say(dev, id, '   ');
    expect(empty.statusCode).toBe(400);
    expect(empty.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(JSON.stringify(empty.json())).toContain('body.text');
    const huge = await say(dev, id, 'a queue '.repeat(2500));
    expect(huge.statusCode).toBe(400);
    expect(JSON.stringify(huge.json())).toContain('body.text');
    const got = (
      await t.app.inject({ method: 'GET', url: `/v1/conversations/${id}`, headers: dev.headers })
    ).json() as { turns: unknown[] };
    expect(got.turns).toEqual([]);
  });

  it('404s unknown conversations and hides other teams conversations', async () => {
    const unknown = await say(dev, '00000000-0000-4000-8000-000000000000', 'a queue');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({
      type: 'https://infra-copilot.dev/problems/conversation-not-found',
    });
    const id = await start(dev, { team: 'payments' });
    const stranger = await t.createUser({ roles: ['developer'], teams: ['search'] });
    expect((await say(stranger, id, 'a queue')).statusCode).toBe(404);
    expect(
      (await t.app.inject({ method: 'GET', url: `/v1/conversations/${id}`, headers: stranger.headers }))
        .statusCode,
    ).toBe(404);
    const teammate = await t.createUser({ roles: ['developer'], teams: ['payments'] });
    expect((await say(teammate, id, 'a queue')).statusCode).toBe(200);
  });

  it('lists your conversations and your teams, not other teams', async () => {
    const mine = await start(dev, { team: 'payments', title: 'listed' });
    const stranger = await t.createUser({ roles: ['developer'], teams: ['search'] });
    const theirs = await start(stranger, { team: 'search' });
    const res = await t.app.inject({
      method: 'GET',
      url: '/v1/conversations?limit=200',
      headers: dev.headers,
    });
    expect(res.statusCode).toBe(200);
    const ids = (res.json() as { items: { id: string }[] }).items.map((c) => c.id);
    expect(ids).toContain(mine);
    expect(ids).not.toContain(theirs);
    const bad = await t.app.inject({ method: 'GET', url: '/v1/conversations?limit=0', headers: dev.headers });
    expect(bad.statusCode).toBe(400);
  });

  it('refuses to start a conversation for a team the caller is not in', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/v1/conversations',
      headers: dev.headers,
      payload: { team: 'search' },
    });
    expect(res.statusCode).toBe(403);
  });

  it('answers a streamed message to an unknown conversation with a plain 404 problem', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/v1/conversations/00000000-0000-4000-8000-000000000000/messages',
      headers: { ...dev.headers, accept: 'text/event-stream' },
      payload: { text: 'a queue' },
    });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('serves a turn proposal by id, only within its conversation', async () => {
    const id = await start(dev, { team: 'payments', environment: 'dev' });
    const body = (await say(dev, id, 'an SNS topic')).json() as TurnBody;
    const ok = await t.app.inject({
      method: 'GET',
      url: `/v1/conversations/${id}/proposals/${body.proposal.id}`,
      headers: dev.headers,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ id: body.proposal.id, templateYaml: body.proposal.templateYaml });
    const other = await start(dev, { team: 'payments' });
    const wrong = await t.app.inject({
      method: 'GET',
      url: `/v1/conversations/${other}/proposals/${body.proposal.id}`,
      headers: dev.headers,
    });
    expect(wrong.statusCode).toBe(404);
  });

  it('streams progress and the reply as server-sent events', async () => {
    const id = await start(dev, { team: 'payments', environment: 'dev' });
    const res = await t.app.inject({
      method: 'POST',
      url: `/v1/conversations/${id}/messages`,
      headers: { ...dev.headers, accept: 'text/event-stream' },
      payload: { text: 'a DynamoDB table' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/event-stream/);
    const events = [...res.body.matchAll(/^event: (\w+)$/gm)].map((m) => m[1]);
    expect(events).toEqual(['planning', 'checking', 'rendering', 'reply', 'done']);
    expect(res.body).toContain('kv_table');
  });
});
