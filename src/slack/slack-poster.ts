import { randomUUID } from 'node:crypto';
import type { WebClient } from '@slack/web-api';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../store/database.ts';
import { recordReviewMessage } from './review-messages.ts';
import type {} from './tables.ts';

export type PostMethod = 'chat.postMessage' | 'chat.update' | 'chat.postEphemeral';

/** What to remember once a post went through: the review message of a change request, to update later. */
export type OnPosted = { reviewMessageOf: string } | null;

export type PostOutcome = { delivered: true; ts: string | undefined } | { delivered: false; queued: boolean };

export interface SlackPosterOptions {
  /** Attempts before a queued post is abandoned (and logged). */
  maxAttempts?: number;
  /** First retry delay; doubles with each attempt. */
  retryBaseMs?: number;
}

/** Slack answered, and said no for a reason that retrying cannot fix (channel_not_found, invalid_blocks...). */
function isPermanent(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { code?: unknown }).code === 'slack_webapi_platform_error'
  );
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message.slice(0, 500);
  return String(error).slice(0, 500);
}

/**
 * Posts to Slack. The Web API client already retries and honours 429 Retry-After; when it still fails (Slack
 * down), the post goes to an outbox in the store and `drain()` retries it with backoff, across restarts and
 * replicas, until it is delivered or abandoned after `maxAttempts` (then logged). Nothing about the
 * conversation or the change request depends on a post succeeding.
 */
export class SlackPoster {
  private readonly maxAttempts: number;
  private readonly retryBaseMs: number;

  constructor(
    private readonly db: Db,
    private readonly client: WebClient,
    private readonly log: FastifyBaseLogger,
    options: SlackPosterOptions = {},
  ) {
    this.maxAttempts = options.maxAttempts ?? 8;
    this.retryBaseMs = options.retryBaseMs ?? 5_000;
  }

  async send(
    method: PostMethod,
    args: Record<string, unknown>,
    onPosted: OnPosted = null,
  ): Promise<PostOutcome> {
    try {
      const ts = await this.call(method, args, onPosted);
      return { delivered: true, ts };
    } catch (error) {
      if (isPermanent(error)) {
        this.log.error({ err: error, method }, 'Slack refused a post; not retrying');
        return { delivered: false, queued: false };
      }
      await this.db
        .insertInto('slack_outbox')
        .values({
          id: randomUUID(),
          method,
          args: JSON.stringify(args),
          on_success: onPosted === null ? null : JSON.stringify(onPosted),
          attempts: 1,
          next_attempt_at: new Date(Date.now() + this.retryBaseMs),
          last_error: describe(error),
          delivered_at: null,
          abandoned_at: null,
        })
        .execute();
      this.log.warn({ err: error, method }, 'Slack post failed; queued for retry');
      return { delivered: false, queued: true };
    }
  }

  /** Retries the queued posts that are due; returns how many were delivered. */
  async drain(now: Date = new Date()): Promise<number> {
    const due = await this.db
      .selectFrom('slack_outbox')
      .selectAll()
      .where('delivered_at', 'is', null)
      .where('abandoned_at', 'is', null)
      .where('next_attempt_at', '<=', now)
      .orderBy('created_at')
      .limit(50)
      .execute();
    let delivered = 0;
    for (const row of due) {
      // Claim the row first so two replicas draining at once never post it twice.
      const claimed = await this.db
        .updateTable('slack_outbox')
        .set({ next_attempt_at: new Date(now.getTime() + 60_000), attempts: row.attempts + 1 })
        .where('id', '=', row.id)
        .where('attempts', '=', row.attempts)
        .where('delivered_at', 'is', null)
        .returning('id')
        .executeTakeFirst();
      if (!claimed) continue;
      try {
        await this.call(row.method, row.args as Record<string, unknown>, row.on_success as OnPosted);
        await this.db
          .updateTable('slack_outbox')
          .set({ delivered_at: new Date(), last_error: null })
          .where('id', '=', row.id)
          .execute();
        delivered += 1;
      } catch (error) {
        const attempts = row.attempts + 1;
        const abandon = attempts >= this.maxAttempts || isPermanent(error);
        await this.db
          .updateTable('slack_outbox')
          .set({
            last_error: describe(error),
            next_attempt_at: new Date(now.getTime() + this.retryBaseMs * 2 ** (attempts - 1)),
            ...(abandon ? { abandoned_at: new Date() } : {}),
          })
          .where('id', '=', row.id)
          .execute();
        if (abandon)
          this.log.error({ err: error, method: row.method, attempts }, 'Slack post abandoned after retries');
      }
    }
    return delivered;
  }

  private async call(
    method: PostMethod,
    args: Record<string, unknown>,
    onPosted: OnPosted,
  ): Promise<string | undefined> {
    const result = (await this.client.apiCall(method, args)) as { ts?: unknown; message_ts?: unknown };
    const ts = typeof result.ts === 'string' ? result.ts : undefined;
    if (onPosted && ts && typeof args.channel === 'string') {
      await recordReviewMessage(this.db, onPosted.reviewMessageOf, { channel: args.channel, ts });
    }
    return ts;
  }
}
