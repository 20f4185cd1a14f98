import { type Logger, LogLevel, WebClient } from '@slack/web-api';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../config/config.ts';
import { SlackBot } from './slack-bot.ts';
import { SlackPeople } from './slack-people.ts';
import { SlackPoster } from './slack-poster.ts';

declare module 'fastify' {
  interface FastifyInstance {
    slack: { bot: SlackBot; poster: SlackPoster; people: SlackPeople };
  }
}

export interface SlackPluginOptions {
  config: Pick<
    Config,
    | 'SLACK_BOT_TOKEN'
    | 'SLACK_API_URL'
    | 'SLACK_REVIEW_CHANNEL'
    | 'SLACK_CHANNEL_TEAMS'
    | 'SLACK_OUTBOX_INTERVAL_MS'
    | 'SLACK_JOB_INTERVAL_MS'
    | 'SLACK_JOB_LEASE_MS'
  >;
  /** Web API client retries before a post goes to the outbox (tests lower the delays). */
  retry?: { retries: number; minTimeout: number; maxTimeout: number };
  /** First outbox retry delay. */
  outboxRetryBaseMs?: number;
}

/** What the Web API client logs at debug that would carry message text: request bodies and results. */
const CARRIES_CONTENT = /^http request (body|result|headers)/;

/**
 * The Web API client's own logging, through ours (it logs rate limiting at info). Its debug lines with
 * request bodies and results are dropped: they hold what people wrote.
 */
function clientLogger(log: FastifyBaseLogger): Logger {
  return {
    debug: (...msg) => {
      if (!CARRIES_CONTENT.test(String(msg[0]))) log.debug({ slack: msg.map(String) }, 'slack client');
    },
    info: (...msg) => log.info({ slack: msg.map(String) }, 'slack client'),
    warn: (...msg) => log.warn({ slack: msg.map(String) }, 'slack client'),
    error: (...msg) => log.error({ slack: msg.map(String) }, 'slack client'),
    setLevel: () => undefined,
    getLevel: () => LogLevel.INFO,
    setName: () => undefined,
  };
}

export function parseChannelTeams(value: string | undefined): Map<string, string> {
  const map = new Map<string, string>();
  for (const pair of value?.split(',') ?? []) {
    const [channel, team] = pair.split('=');
    if (channel && team) map.set(channel, team);
  }
  return map;
}

/**
 * `app.slack`: the bot, the poster (with its outbox, drained every SLACK_OUTBOX_INTERVAL_MS) and the people
 * mapping. Subscribes to change request events to keep review messages and requester threads current.
 */
async function slackPlugin(app: FastifyInstance, options: SlackPluginOptions): Promise<void> {
  const { config } = options;
  const log = app.log.child({ module: 'slack' });
  const client = new WebClient(config.SLACK_BOT_TOKEN, {
    ...(config.SLACK_API_URL ? { slackApiUrl: config.SLACK_API_URL } : {}),
    retryConfig: options.retry ?? { retries: 3, factor: 2, minTimeout: 500, maxTimeout: 5_000 },
    rejectRateLimitedCalls: false,
    logger: clientLogger(log),
    timeout: 10_000,
  });
  const poster = new SlackPoster(app.db, client, log, { retryBaseMs: options.outboxRetryBaseMs ?? 5_000 });
  const people = new SlackPeople(app.db, app.identity, app.audit);
  const bot = new SlackBot(
    app,
    client,
    poster,
    people,
    {
      reviewChannel: config.SLACK_REVIEW_CHANNEL ?? null,
      channelTeams: parseChannelTeams(config.SLACK_CHANNEL_TEAMS),
      jobIntervalMs: config.SLACK_JOB_INTERVAL_MS,
      jobLeaseMs: config.SLACK_JOB_LEASE_MS,
    },
    log,
  );
  app.decorate('slack', { bot, poster, people });

  const unsubscribe = app.changeEvents.subscribe((event) => bot.followChange(event));
  let draining: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    draining = poster
      .drain()
      .catch((error: unknown) => log.error({ err: error }, 'Slack outbox drain failed'));
  }, config.SLACK_OUTBOX_INTERVAL_MS);
  timer.unref();
  bot.runner.start();
  app.addHook('preClose', async () => {
    bot.runner.stop();
    clearInterval(timer);
    unsubscribe();
    await bot.idle();
    await draining;
  });
}

export default fp(slackPlugin, {
  name: 'slack',
  dependencies: ['db', 'identity', 'audit', 'change-requests', 'conversations'],
});
