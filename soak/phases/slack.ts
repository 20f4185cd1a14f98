/**
 * Slack: signed deliveries replayed (each event several times, to both replicas, as Slack retries), and
 * concurrent commands from a person nobody has seen. Each event is answered in its thread exactly once;
 * each command gets a thread with an answer.
 */
import { signSlackRequest } from '../../src/slack/verify-slack-signature.ts';
import { doubled, inParallel, lost, type SoakContext, until } from '../soak-context.ts';
import type { Answer, SoakReplica } from '../soak-client.ts';

let seq = 0;

/** A Slack message ts nobody used yet. */
export function nextTs(): string {
  seq += 1;
  return `19${String(Date.now()).slice(-8)}.${String(seq).padStart(6, '0')}`;
}

export function sendSlack(
  ctx: SoakContext,
  replica: SoakReplica,
  path: string,
  body: string,
  contentType: string,
  retry = 0,
): Promise<Answer> {
  const timestamp = String(Math.floor(Date.now() / 1000));
  return ctx.client.call(replica, 'POST', path, {
    raw: body,
    contentType,
    headers: {
      'x-slack-request-timestamp': timestamp,
      'x-slack-signature': signSlackRequest(ctx.signingSecret, timestamp, body),
      ...(retry > 0 ? { 'x-slack-retry-num': String(retry), 'x-slack-retry-reason': 'http_timeout' } : {}),
    },
  });
}

export function mentionBody(
  ctx: SoakContext,
  eventId: string,
  ts: string,
  user: string,
  text: string,
): string {
  return JSON.stringify({
    type: 'event_callback',
    event_id: eventId,
    event: {
      type: 'app_mention',
      user,
      channel: ctx.slackChannel,
      channel_type: 'channel',
      ts,
      text: `<@UBOT> ${text}`,
    },
  });
}

export const repliesIn = (ctx: SoakContext, ts: string) =>
  ctx.slack.messages.filter((m) => m.channel === ctx.slackChannel && m.thread_ts === ts);

/** Every Slack job finished (or failed for good): nothing left for a replica to do. */
export async function slackSettled(ctx: SoakContext, timeoutMs: number): Promise<void> {
  await until(async () => {
    const pending = await ctx.db
      .selectFrom('slack_jobs')
      .select('key')
      .where('state', '=', 'pending')
      .execute();
    return pending.length === 0;
  }, timeoutMs);
}

/** Checks that the thread of one Slack message was answered exactly once. */
export function checkAnsweredOnce(ctx: SoakContext, ts: string, what: string): void {
  const replies = repliesIn(ctx, ts).length;
  if (replies === 0) lost(ctx, `${what}: no answer in thread ${ts}`);
  if (replies > 1) doubled(ctx, `${what}: ${replies} answers in thread ${ts}`);
}

export async function replayDeliveries(ctx: SoakContext, deliveries: number): Promise<void> {
  const copies = 4;
  const events = Array.from({ length: Math.ceil(deliveries / copies) }, (_, i) => ({
    id: `EvSoak${nextTs().replace('.', '')}${i}`,
    ts: nextTs(),
    text: ['an SQS queue, dev', 'a DynamoDB table, dev', 'an S3 bucket, dev'][i % 3] as string,
  }));
  const sends = events.flatMap((e) => Array.from({ length: copies }, (_, copy) => ({ e, copy })));
  await inParallel(sends, 8, async ({ e, copy }) => {
    const replica = ctx.client.replicas[copy % ctx.client.replicas.length] as SoakReplica;
    await sendSlack(
      ctx,
      replica,
      '/slack/events',
      mentionBody(ctx, e.id, e.ts, 'USOAKER', e.text),
      'application/json',
      copy,
    );
  });
  await slackSettled(ctx, 60_000);
  for (const e of events) checkAnsweredOnce(ctx, e.ts, `event ${e.id}`);
}

export async function newcomerCommands(ctx: SoakContext, count: number): Promise<void> {
  const user = `UNEW${Date.now() % 100_000}`;
  ctx.slack.users.set(user, { name: `newcomer-${user.toLowerCase()}` });
  const form = (n: number) =>
    new URLSearchParams({
      command: '/infra',
      text: `an SQS queue number ${n}, dev`,
      user_id: user,
      channel_id: ctx.slackChannel,
      trigger_id: `trig-${user}-${n}`,
      team_id: 'T1',
    }).toString();
  const answers = await Promise.all(
    Array.from({ length: count }, (_, n) =>
      sendSlack(
        ctx,
        ctx.client.replicas[n % ctx.client.replicas.length] as SoakReplica,
        '/slack/commands',
        form(n),
        'application/x-www-form-urlencoded',
      ),
    ),
  );
  for (const [n, answer] of answers.entries())
    if (answer.status !== 200) lost(ctx, `command ${n} answered ${answer.status}`);
  await slackSettled(ctx, 60_000);
  const openers = ctx.slack.messages.filter(
    (m) => m.channel === ctx.slackChannel && !m.thread_ts && m.text?.startsWith(`<@${user}> asked`),
  );
  if (openers.length < count) lost(ctx, `${count - openers.length} of ${count} commands from a new user`);
  if (openers.length > count) doubled(ctx, `${openers.length} threads for ${count} commands`);
  for (const opener of openers) checkAnsweredOnce(ctx, opener.ts, `command of ${user}`);
}
