/**
 * A Slack thread as a conversation: who the Slack user is, the conversation of a thread (found or started),
 * and one turn of it posted back into the thread. A turn is planned once per job: a job resumed after a
 * crash finds the turn it already committed (by its audit entry's request id) and posts it.
 */
import type { KnownBlock, WebClient } from '@slack/web-api';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { ConversationConflictError } from '../conversations/conversation-conflict-error.ts';
import type { TurnResult } from '../conversations/turn/turn-result.ts';
import { AppError } from '../errors/app-error.ts';
import type { AuthUser } from '../identity/roles.ts';
import { proposalBlocks } from './blocks/proposal-blocks.ts';
import { JobTakenOverError } from './job-taken-over-error.ts';
import type { SlackJob, SlackJobs } from './slack-jobs.ts';
import type { SlackPeople } from './slack-people.ts';
import type { SlackPoster } from './slack-poster.ts';
import { claimThread, findThread } from './slack-threads.ts';
import { proposalView } from './slack-views.ts';
import { turnOfRequest } from './turn-of-request.ts';

/** `<@U123> make it multi-AZ` → `make it multi-AZ`. */
export function withoutMentions(text: string): string {
  return text.replace(/<@[A-Z0-9]+(\|[^>]*)?>/g, '').trim();
}

/** Where a turn happens and for whom. */
export interface TurnPlace {
  conversationId: string;
  channel: string;
  threadTs: string;
  slackUserId: string;
  user: AuthUser;
  text: string;
}

export class SlackTurns {
  constructor(
    private readonly app: FastifyInstance,
    private readonly client: WebClient,
    private readonly poster: SlackPoster,
    private readonly people: SlackPeople,
    private readonly jobs: SlackJobs,
    private readonly channelTeams: ReadonlyMap<string, string>,
    private readonly log: FastifyBaseLogger,
  ) {}

  teamOf(channel: string): string | null {
    return this.channelTeams.get(channel) ?? null;
  }

  person(slackUserId: string, channel: string | null): Promise<AuthUser> {
    return this.people.resolve(slackUserId, channel ? this.teamOf(channel) : null, async () => {
      const info = (await this.client.users.info({ user: slackUserId })) as {
        user?: { name?: string; real_name?: string };
      };
      return { name: info.user?.name, realName: info.user?.real_name };
    });
  }

  /** The conversation of a thread: the one it already is, or a new one (the thread's first message). */
  async conversationOf(channel: string, threadTs: string, slackUserId: string, user: AuthUser, text: string) {
    const known = await findThread(this.app.db, channel, threadTs);
    return (
      known?.conversationId ?? (await this.startConversation(channel, threadTs, slackUserId, user, text))
    );
  }

  private async startConversation(
    channel: string,
    threadTs: string,
    slackUserId: string,
    user: AuthUser,
    text: string,
  ): Promise<string> {
    const team = this.teamOf(channel);
    const conversation = await this.app.conversations.create(
      {
        team: team && user.teams.includes(team) ? team : undefined,
        title: withoutMentions(text).slice(0, 60) || null,
        channel: 'slack',
      },
      user,
    );
    const thread = await claimThread(this.app.db, {
      channel,
      threadTs,
      conversationId: conversation.id,
      requesterSlackId: slackUserId,
    });
    return thread.conversationId;
  }

  /**
   * One turn for a job, once: a turn already committed by an earlier run of the job (its audit entry carries
   * the job key) is posted, not planned again. Refusals are told in the thread; other failures are retried
   * by the runner, and told on the last try.
   */
  async turn(job: SlackJob, lastTry: boolean, at: TurnPlace): Promise<void> {
    const requestId = `slack:${job.key}`;
    if (job.progress.replied) return;
    let result: TurnResult;
    try {
      result =
        (await turnOfRequest(this.app, this.app.db, requestId, at.user)) ??
        (await this.postWithRetry(at, requestId));
    } catch (error) {
      if (!(error instanceof AppError) && !lastTry) throw error;
      const reason =
        error instanceof AppError
          ? (error.detail ?? error.message)
          : 'Something went wrong on our side; nothing was changed. Try again in a moment.';
      if (!(error instanceof AppError)) this.log.error({ err: error, job: job.key }, 'Slack turn failed');
      await this.poster.send('chat.postMessage', {
        channel: at.channel,
        thread_ts: at.threadTs,
        text: `<@${at.slackUserId}> ${reason}`,
      });
      return;
    }
    // A run that lost its lease (it stalled, another replica took the job over) must not post as well.
    if (!(await this.jobs.stillHeld(job))) throw new JobTakenOverError(job.key);
    await this.postTurn(result, at.channel, at.threadTs);
    await this.jobs.saveProgress(job, { replied: true });
  }

  /**
   * Two messages in one thread at once: the turn that loses the version race is planned again on top,
   * unless the race was lost to another run of this very job (whose turn is then this job's turn).
   */
  private async postWithRetry(at: TurnPlace, requestId: string): Promise<TurnResult> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.app.conversations.postMessage({
          conversationId: at.conversationId,
          text: at.text || 'help',
          actor: at.user,
          channel: 'slack',
          requestId,
        });
      } catch (error) {
        if (!(error instanceof ConversationConflictError) || attempt >= 3) throw error;
        const done = await turnOfRequest(this.app, this.app.db, requestId, at.user);
        if (done) return done;
      }
    }
  }

  private async postTurn(result: TurnResult, channel: string, threadTs: string): Promise<void> {
    const text = [result.reply, ...result.questions].filter(Boolean).join('\n') || 'Done.';
    const blocks: KnownBlock[] | undefined = result.proposal
      ? proposalBlocks(proposalView(result, result.proposal))
      : undefined;
    await this.poster.send('chat.postMessage', {
      channel,
      thread_ts: threadTs,
      text,
      ...(blocks ? { blocks } : {}),
    });
  }
}
