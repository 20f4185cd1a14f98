import { describe, expect, it } from 'vitest';
import { ACTIONS } from '../../src/slack/blocks/action-ids.ts';
import {
  buttonValue,
  click,
  crIdOf,
  idle,
  mention,
  REVIEW_CHANNEL,
  send,
  slack,
  submit,
  t,
  TEAM_CHANNEL,
  thread,
  useSlackBot,
  write,
  nextTs,
  interaction,
  event,
} from './slack-bot-harness.ts';

useSlackBot();

describe('Slack bot end to end (signed requests, real Web API client against a stand-in)', () => {
  it('turns a mention into a conversation, edits it from the thread, submits it and gets it reviewed with buttons', async () => {
    // A mention starts a conversation; the proposal is posted in the thread.
    const { ts: root, status } = await mention(
      'I need an HTTP API with a Lambda function and a DynamoDB table, prod',
    );
    expect(status).toBe(200);
    const first = thread(root);
    expect(first).toHaveLength(1);
    expect(JSON.stringify(first[0]?.blocks)).toContain('(kv_table)');
    expect(JSON.stringify(first[0]?.blocks)).not.toContain('(queue)');

    // The requester was provisioned as a developer of the channel's team.
    const dana = await t.app.identity.findUserByName('slack-dana');
    expect(dana?.roles).toEqual(['developer']);
    expect(dana?.teams).toEqual(['payments']);

    // A reply in the thread edits the same conversation.
    await write('also add an SQS queue', { threadTs: root });
    const second = thread(root);
    expect(second).toHaveLength(2);
    const proposalBlocks = second[1]?.blocks;
    expect(JSON.stringify(proposalBlocks)).toContain('(queue)');
    expect(JSON.stringify(proposalBlocks)).toContain('(kv_table)');

    // Submit creates a change request and a review message in the review channel.
    const proposalId = buttonValue(proposalBlocks, ACTIONS.submit);
    expect(proposalId, 'the proposal offers Submit').toBeDefined();
    const review = await submit(root, second[1]);
    expect(review, 'a review message was posted').toBeDefined();
    const approveValue = buttonValue(review?.blocks, ACTIONS.approve) as string;
    const crId = crIdOf(approveValue);
    expect(approveValue).toBe(`${crId}@r1`);
    const cr = await t.app.changeRequests.get(crId);
    expect(cr.state).toBe('open');
    expect(cr.channel).toBe('slack');
    expect(cr.author.name).toBe('slack-dana');
    expect(JSON.stringify(review?.blocks)).toContain('slack-dana');
    expect(thread(root).at(-1)?.text).toContain('Submitted for review');

    // The requester cannot approve their own request: an ephemeral explanation, nothing recorded.
    await click('UDEV', ACTIONS.approve, approveValue, REVIEW_CHANNEL, review?.ts as string);
    await idle();
    const refusal = slack.callsOf('chat.postEphemeral').find((c) => c.args.user === 'UDEV');
    expect(String(refusal?.args.text)).toMatch(/own|author|self/i);
    expect((await t.app.changeRequests.get(crId)).approvals.records).toHaveLength(0);

    // Reviewers approve with the button: the review message is updated in place, the requester is told.
    const need = cr.approvals.status.required.approvals;
    await click('UPOLICY', ACTIONS.approve, approveValue, REVIEW_CHANNEL, review?.ts as string);
    if (need > 1) await click('UREVIEW', ACTIONS.approve, approveValue, REVIEW_CHANNEL, review?.ts as string);
    await idle();
    expect((await t.app.changeRequests.get(crId)).state).toBe('approved');
    const updated = slack.messages.find((m) => m.channel === REVIEW_CHANNEL && m.ts === review?.ts);
    // One decision, one update with the final state (the approval that completes the request included).
    expect(updated?.updates).toBe(need);
    expect(JSON.stringify(updated?.blocks)).toContain('Approved');
    expect(buttonValue(updated?.blocks, ACTIONS.approve)).toBeUndefined();
    expect(thread(root).at(-1)?.text).toMatch(
      /<@UDEV> your change request .* was :white_check_mark: approved/,
    );
  });

  it('asks a reviewer for a reason in a modal and rejects with it; a developer gets an explanation instead', async () => {
    const { ts: root } = await mention('an S3 bucket with versioning, dev');
    const review = await submit(root);
    const rejectValue = buttonValue(review?.blocks, ACTIONS.reject) as string;
    const crId = crIdOf(rejectValue);

    await click('UDEV', ACTIONS.reject, rejectValue, REVIEW_CHANNEL, review?.ts as string);
    await idle();
    expect(slack.callsOf('views.open')).toHaveLength(0);
    expect(String(slack.callsOf('chat.postEphemeral').at(-1)?.args.text)).toContain('Only reviewers');

    await click('UREVIEW', ACTIONS.reject, rejectValue, REVIEW_CHANNEL, review?.ts as string);
    const opened = slack.callsOf('views.open').at(-1);
    const view = opened?.args.view as { callback_id: string; private_metadata: string };
    expect(view.callback_id).toBe('review_reason');

    const tooShort = await interaction({
      type: 'view_submission',
      user: { id: 'UREVIEW' },
      view: {
        callback_id: view.callback_id,
        private_metadata: view.private_metadata,
        state: { values: { reason: { reason_input: { value: 'no' } } } },
      },
    });
    expect(tooShort.json()).toMatchObject({ response_action: 'errors' });
    expect((await t.app.changeRequests.get(crId)).state).toBe('open');

    const submitted = await interaction({
      type: 'view_submission',
      user: { id: 'UREVIEW' },
      view: {
        callback_id: view.callback_id,
        private_metadata: view.private_metadata,
        state: { values: { reason: { reason_input: { value: 'use the shared assets bucket' } } } },
      },
    });
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json()).toEqual({});
    await idle();
    expect((await t.app.changeRequests.get(crId)).state).toBe('rejected');
    const updated = slack.messages.find((m) => m.ts === review?.ts);
    expect(JSON.stringify(updated?.blocks)).toContain('use the shared assets bucket');
    expect(thread(root).at(-1)?.text).toContain('rejected by ureview: use the shared assets bucket');
  });

  it('keeps the change request when Slack is down while posting, and posts it once Slack is back', async () => {
    const { ts: root } = await mention('a DynamoDB table, dev');
    const posted = thread(root)[0];
    const proposalId = buttonValue(posted?.blocks, ACTIONS.submit) as string;
    const reviewsBefore = slack.messages.filter((m) => m.channel === REVIEW_CHANNEL).length;

    slack.failNext('chat.postMessage', { status: 503, times: 20 });
    const clicked = await click('UDEV', ACTIONS.submit, proposalId, TEAM_CHANNEL, posted?.ts as string, root);
    expect(clicked.statusCode).toBe(200);
    await idle();
    const list = await t.app.inject({
      method: 'GET',
      url: '/v1/slack/users',
      headers: (await t.createAdmin()).headers,
    });
    expect(list.statusCode).toBe(200);
    const queued = await t.app.db
      .selectFrom('slack_outbox')
      .selectAll()
      .where('delivered_at', 'is', null)
      .execute();
    expect(queued.length).toBeGreaterThanOrEqual(1);
    expect(slack.messages.filter((m) => m.channel === REVIEW_CHANNEL)).toHaveLength(reviewsBefore);

    slack.failNext('chat.postMessage', { status: 503, times: 0 });
    const delivered = await t.app.slack.poster.drain(new Date(Date.now() + 60_000));
    expect(delivered).toBe(queued.length);
    const review = slack.messages.filter((m) => m.channel === REVIEW_CHANNEL).at(-1);
    const crId = crIdOf(buttonValue(review?.blocks, ACTIONS.approve));
    expect((await t.app.changeRequests.get(crId)).snapshot.proposalId).toBe(proposalId);
  });

  it('after changes were requested, Submit revises the request: the review message is updated in place with what changed and its buttons back, and a click on the old revision is refused', async () => {
    const { ts: root } = await mention('clickstream capture: a Kinesis stream for click events, dev');
    const review = await submit(root);
    const reviewsBefore = slack.messages.filter((m) => m.channel === REVIEW_CHANNEL).length;
    const oldValue = buttonValue(review?.blocks, ACTIONS.approve) as string;
    const crId = crIdOf(oldValue);
    await t.app.changeRequests.requestChanges(
      { user: (await t.app.identity.findUserByName('ureview'))! },
      crId,
      { reason: 'add a queue for the consumers' },
    );
    await idle();
    expect(
      buttonValue(slack.messages.find((m) => m.ts === review?.ts)?.blocks, ACTIONS.approve),
    ).toBeUndefined();

    await write('also add an SQS queue', { threadTs: root });
    await submit(root);
    const cr = await t.app.changeRequests.get(crId);
    expect(cr).toMatchObject({ revision: 2, state: 'open' });
    // No second request and no second review message: the first one was updated in place.
    expect(slack.messages.filter((m) => m.channel === REVIEW_CHANNEL)).toHaveLength(reviewsBefore);
    const updated = slack.messages.find((m) => m.ts === review?.ts);
    const text = JSON.stringify(updated?.blocks);
    expect(text).toContain('(revision 2)');
    expect(text).toContain('What changed since revision 1');
    expect(text).toMatch(/added [a-z-]+ \(queue\)/);
    expect(buttonValue(updated?.blocks, ACTIONS.approve)).toBe(`${crId}@r2`);
    expect(thread(root).at(-1)?.text).toContain('Revision 2 submitted');

    // A click on a copy of the message from before the revision decides nothing.
    await click('UREVIEW', ACTIONS.approve, oldValue, REVIEW_CHANNEL, review?.ts as string);
    await idle();
    expect((await t.app.changeRequests.get(crId)).approvals.records).toHaveLength(0);
    const refusal = slack.callsOf('chat.postEphemeral').find((c) => c.args.user === 'UREVIEW');
    expect(String(refusal?.args.text)).toContain('revision 2 was submitted since');
  });
  it('shows the final state when two reviewers approve at once and the first update reaches Slack last', async () => {
    const { ts: root } = await mention('an SQS queue consumed by a Lambda function, prod');
    const review = await submit(root);
    const approveValue = buttonValue(review?.blocks, ACTIONS.approve) as string;
    const crId = crIdOf(approveValue);
    expect((await t.app.changeRequests.get(crId)).approvals.status.required.approvals).toBe(2);
    // Slack is slow to answer the first update; the second approval lands meanwhile.
    slack.holdNext('chat.update', 400);
    await Promise.all([
      click('UPOLICY', ACTIONS.approve, approveValue, REVIEW_CHANNEL, review?.ts as string),
      click('UREVIEW', ACTIONS.approve, approveValue, REVIEW_CHANNEL, review?.ts as string),
    ]);
    await idle();
    expect((await t.app.changeRequests.get(crId)).state).toBe('approved');
    const updated = slack.messages.find((m) => m.channel === REVIEW_CHANNEL && m.ts === review?.ts);
    expect(JSON.stringify(updated?.blocks)).toContain('Approved');
    expect(buttonValue(updated?.blocks, ACTIONS.approve)).toBeUndefined();
  });
});

describe('proposal buttons and direct messages', () => {
  it('uploads the template into the thread and undoes the last change', async () => {
    const { ts: root } = await mention('an SQS queue, dev');
    await write('add a DynamoDB table', { threadTs: root });
    const latest = thread(root).at(-1);
    expect(JSON.stringify(latest?.blocks)).toContain('(kv_table)');

    await click(
      'UDEV',
      ACTIONS.showTemplate,
      buttonValue(latest?.blocks, ACTIONS.showTemplate) as string,
      TEAM_CHANNEL,
      latest?.ts as string,
      root,
    );
    await idle();
    const upload = slack.uploads.at(-1);
    expect(upload?.thread_ts).toBe(root);
    expect(upload?.filename).toMatch(/\.template\.yaml$/);
    expect(upload?.content).toContain('AWS::DynamoDB::Table');
    expect(upload?.content).toContain('AWS::SQS::Queue');

    await click(
      'UDEV',
      ACTIONS.undo,
      buttonValue(latest?.blocks, ACTIONS.undo) as string,
      TEAM_CHANNEL,
      latest?.ts as string,
      root,
    );
    await idle();
    const undone = thread(root).at(-1);
    expect(undone?.ts).not.toBe(latest?.ts);
    expect(JSON.stringify(undone?.blocks)).toContain('(queue)');
    expect(JSON.stringify(undone?.blocks)).not.toContain('(kv_table)');
  });

  it('treats a direct message as a new conversation and its thread replies as the same one', async () => {
    const dm = 'DDANA';
    const { ts: root } = await write('I need a Redis cache for team payments, dev', { channel: dm });
    await write('add an S3 bucket too', { channel: dm, threadTs: root });
    const replies = slack.messages.filter((m) => m.channel === dm && m.thread_ts === root);
    expect(replies).toHaveLength(2);
    expect(JSON.stringify(replies[1]?.blocks)).toContain('(cache)');
    expect(JSON.stringify(replies[1]?.blocks)).toContain('(bucket)');
    const threads = await t.app.db
      .selectFrom('slack_threads')
      .selectAll()
      .where('channel', '=', dm)
      .execute();
    expect(threads).toHaveLength(1);
  });
});

describe('people the bot provisions', () => {
  it('puts someone who first wrote in a DM into the team of the channel they write in next', async () => {
    slack.users.set('UMOVER', { name: 'morgan', real_name: 'Morgan Mover' });
    const say = async (channel: string, text: string) => {
      await event({
        type: channel === TEAM_CHANNEL ? 'app_mention' : 'message',
        user: 'UMOVER',
        channel,
        channel_type: channel === TEAM_CHANNEL ? 'channel' : 'im',
        ts: nextTs(),
        text,
      });
      await idle();
    };
    await say('DMORGAN', 'an SQS queue, dev');
    expect((await t.app.identity.findUserByName('slack-morgan'))?.teams).toEqual([]);

    await say(TEAM_CHANNEL, '<@UBOT> an SNS topic, dev');
    const morgan = await t.app.identity.findUserByName('slack-morgan');
    expect(morgan?.teams).toEqual(['payments']);
    const joined = await t.app.db
      .selectFrom('audit_log')
      .select('summary')
      .where('action', '=', 'slack.user.join_team')
      .where('subject_id', '=', morgan?.id as string)
      .execute();
    expect(joined).toHaveLength(1);
  });
});

describe('/infra slash command', () => {
  const command = (text: string, user = 'UDEV') =>
    send(
      '/slack/commands',
      new URLSearchParams({
        command: '/infra',
        text,
        user_id: user,
        channel_id: TEAM_CHANNEL,
        trigger_id: `trig-${nextTs()}`,
        team_id: 'T1',
      }).toString(),
      'application/x-www-form-urlencoded',
    );

  it('explains itself with help', async () => {
    const res = await command('help');
    expect(res.json()).toMatchObject({ response_type: 'ephemeral' });
    expect(res.json().text).toContain('/infra status');
  });

  it('starts a request in a new thread and lists it under status once submitted', async () => {
    const res = await command('a Kinesis stream for team payments, dev');
    expect(res.json().text).toContain('thread');
    await idle();
    const opener = slack.messages.filter((m) => m.channel === TEAM_CHANNEL && !m.thread_ts).at(-1);
    expect(opener?.text).toContain('asked: a Kinesis stream');
    const reply = thread(opener?.ts as string)[0];
    expect(JSON.stringify(reply?.blocks)).toContain('(stream)');
    await submit(opener?.ts as string, reply);
    const status = await command('status');
    expect(status.json().text).toMatch(/open change requests/);
  });
});
