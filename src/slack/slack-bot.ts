import type { WebClient } from '@slack/web-api';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { ChangeEvent } from '../change-requests/notifier.ts';
import { listChangeRequests } from '../change-requests/review-queue.ts';
import { AppError } from '../errors/app-error.ts';
import { hasRole } from '../identity/roles.ts';
import { redactSecrets } from '../secrets/redact-secrets.ts';
import { ACTIONS, reviewButtonValue } from './blocks/action-ids.ts';
import { escapeMrkdwn } from './blocks/mrkdwn.ts';
import { type ReasonAction, reasonModal } from './blocks/reason-modal.ts';
import { claimDelivery } from './claim-delivery.ts';
import { JobTakenOverError } from './job-taken-over-error.ts';
import { submitReason, type ViewReply } from './reason-submission.ts';
import { updateReviewMessage } from './review-message-updates.ts';
import { SlackJobRunner } from './slack-job-runner.ts';
import { type NewSlackJob, type SlackJob, SlackJobs } from './slack-jobs.ts';
import {
  type BlockActions,
  type MessageEvent,
  MessageEvent as MessageEventSchema,
  type SlashCommand,
  type ViewSubmission,
} from './slack-payloads.ts';
import type { SlackPeople } from './slack-people.ts';
import type { SlackPoster } from './slack-poster.ts';
import { OneAtATime } from './one-at-a-time.ts';
import { findThread, threadOfConversation } from './slack-threads.ts';
import { SlackTurns, withoutMentions } from './slack-turns.ts';
import type {} from './tables.ts';

export interface SlackBotSettings {
  reviewChannel: string | null;
  /** Slack channel id → copilot team, for provisioning people and new conversations. */
  channelTeams: ReadonlyMap<string, string>;
  /** How often each replica looks for unfinished jobs, and how long a running job's lease lasts. */
  jobIntervalMs: number;
  jobLeaseMs: number;
}

/** What a slash command answers at once (Slack shows it only to the caller). */
export interface CommandReply {
  response_type: 'ephemeral';
  text: string;
}

export type { ViewReply };

const HELP = [
  '*Infra Copilot* turns a request into a reviewed, policy-checked infrastructure change.',
  '• `/infra <request>`: start a request, e.g. `/infra an API with a Postgres database for team payments, prod`',
  '• `/infra status`: your open change requests',
  '• `/infra help`: this help',
  'Or mention me in a channel, or write to me directly; reply in the thread to change the proposal.',
].join('\n');

/** The job payload of an action taken in the background (Submit, Approve, Undo, Show template). */
interface ActionPayload {
  actionId: string;
  value: string;
  slackUserId: string;
  channel: string | undefined;
  threadTs: string | undefined;
}

/**
 * The Slack bot: a thread is a conversation, the proposal is posted in it after every turn, Submit makes a
 * change request whose review message in the review channel is updated in place after every decision, and
 * the requester is told in their thread. Requests are acknowledged at once; the work is a job written with
 * the delivery claim (slack-jobs.ts), run in the background here (`idle()` waits for it) or, if this replica
 * dies, by another one; every step records its progress, so a resumed job does not do a step twice.
 */
export class SlackBot {
  private readonly tasks = new Set<Promise<void>>();
  /** Review message updates, one change request at a time. */
  private readonly reviewUpdates = new OneAtATime();
  private readonly jobs: SlackJobs;
  readonly runner: SlackJobRunner;
  private readonly turns: SlackTurns;

  constructor(
    private readonly app: FastifyInstance,
    private readonly client: WebClient,
    private readonly poster: SlackPoster,
    people: SlackPeople,
    private readonly settings: SlackBotSettings,
    private readonly log: FastifyBaseLogger,
  ) {
    this.jobs = new SlackJobs(app.db);
    this.turns = new SlackTurns(app, client, poster, people, this.jobs, settings.channelTeams, log);
    this.runner = new SlackJobRunner(
      this.jobs,
      {
        message: (job, lastTry) => this.handleMessage(job, lastTry),
        command: (job, lastTry) => this.handleCommand(job, lastTry),
        action: (job) => this.act(job),
      },
      (what, work) => this.background(what, work),
      log,
      { intervalMs: settings.jobIntervalMs, leaseMs: settings.jobLeaseMs },
    );
  }

  /** Claims the delivery and writes its job in one transaction; runs it unless it is finished or held. */
  private async accept(delivery: string, kind: 'event' | 'command' | 'interaction', job: NewSlackJob | null) {
    const fresh = await this.app.db.transaction().execute(async (trx) => {
      const claimed = await claimDelivery(trx, delivery, kind);
      if (claimed && job) await this.jobs.enqueue(trx, job);
      return claimed;
    });
    // A redelivery of unfinished work resumes it here; finished or running work is left alone.
    if (job) this.runner.kick(job.key);
    return fresh;
  }

  /** Resolves when every background task started so far has finished. */
  async idle(): Promise<void> {
    while (this.tasks.size > 0) await Promise.allSettled([...this.tasks]);
  }

  private background(what: string, work: () => Promise<void>): void {
    const task = work()
      .catch((error: unknown) => this.log.error({ err: error, what }, 'Slack background work failed'))
      .finally(() => this.tasks.delete(task));
    this.tasks.add(task);
  }

  private ephemeral(channel: string | undefined, user: string, text: string): void {
    if (!channel) return;
    this.background('ephemeral', async () => {
      await this.poster.send('chat.postEphemeral', { channel, user, text });
    });
  }

  /** Stops a run that lost its job to another replica before it posts anything (posts cannot be undone). */
  private async holdOrStop(job: SlackJob): Promise<void> {
    if (!(await this.jobs.stillHeld(job))) throw new JobTakenOverError(job.key);
  }

  // ── Events API ──

  /** An Events API callback, already verified. Returns once the work is recorded as a job. */
  async onEvent(eventId: string, event: { type: string } & Record<string, unknown>): Promise<void> {
    await this.accept(`event:${eventId}`, 'event', await this.messageJob(event));
  }

  /** The job of a message the bot acts on (a mention, a DM, a reply in a thread), or null. */
  private async messageJob(event: { type: string } & Record<string, unknown>): Promise<NewSlackJob | null> {
    if (event.type !== 'app_mention' && event.type !== 'message') return null;
    const parsed = MessageEventSchema.safeParse(event);
    if (!parsed.success) return null;
    const message = { ...parsed.data, text: (await redactSecrets(parsed.data.text)).text };
    // Its own and other bots' messages, edits, joins and the like are not requests.
    if (message.bot_id || message.subtype || !message.user) return null;
    const isDm = message.channel_type === 'im';
    if (event.type === 'message' && !isDm && !message.thread_ts) return null;
    // A mention arrives as both app_mention and message: one job per Slack message.
    return {
      key: `message:${message.channel}:${message.ts}`,
      kind: 'message',
      payload: { message, mayStart: isDm || event.type === 'app_mention' },
    };
  }

  private async handleMessage(job: SlackJob, lastTry: boolean): Promise<void> {
    const message = job.payload.message as MessageEvent;
    const threadTs = message.thread_ts ?? message.ts;
    const known = await findThread(this.app.db, message.channel, threadTs);
    if (!known && !job.payload.mayStart) return; // a reply in a thread that is not ours
    const user = await this.turns.person(message.user as string, message.channel);
    const conversationId = await this.turns.conversationOf(
      message.channel,
      threadTs,
      message.user as string,
      user,
      message.text,
    );
    await this.turns.turn(job, lastTry, {
      conversationId,
      channel: message.channel,
      threadTs,
      slackUserId: message.user as string,
      user,
      text: withoutMentions(message.text),
    });
  }

  // ── Slash commands ──

  async onCommand(received: SlashCommand): Promise<CommandReply> {
    const command = { ...received, text: (await redactSecrets(received.text.trim())).text };
    const word = command.text.toLowerCase();
    const delivery = `command:${command.trigger_id}`;
    if (word === '' || word === 'help' || word === 'status') {
      if (!(await claimDelivery(this.app.db, delivery, 'command')))
        return { response_type: 'ephemeral', text: 'Already on it.' };
      if (word === 'status') return { response_type: 'ephemeral', text: await this.status(command) };
      return { response_type: 'ephemeral', text: HELP };
    }
    const job: NewSlackJob = { key: delivery, kind: 'command', payload: { command } };
    if (!(await this.accept(delivery, 'command', job)))
      return { response_type: 'ephemeral', text: 'Already on it.' };
    return {
      response_type: 'ephemeral',
      text: 'Working on it: the proposal will appear in a thread in this channel.',
    };
  }

  /** `/infra <request>`: the request is posted in the channel, and its thread becomes the conversation. */
  private async handleCommand(job: SlackJob, lastTry: boolean): Promise<void> {
    const command = job.payload.command as SlashCommand;
    const user = await this.turns.person(command.user_id, command.channel_id);
    let openerTs = job.progress.openerTs as string | undefined;
    if (!openerTs) {
      await this.holdOrStop(job);
      const opened = await this.poster.send('chat.postMessage', {
        channel: command.channel_id,
        text: `<@${command.user_id}> asked: ${escapeMrkdwn(command.text)}`,
      });
      if (!opened.delivered || !opened.ts) return;
      openerTs = opened.ts;
      await this.jobs.saveProgress(job, { openerTs });
    }
    const conversationId = await this.turns.conversationOf(
      command.channel_id,
      openerTs,
      command.user_id,
      user,
      command.text,
    );
    await this.turns.turn(job, lastTry, {
      conversationId,
      channel: command.channel_id,
      threadTs: openerTs,
      slackUserId: command.user_id,
      user,
      text: command.text,
    });
  }

  private async status(command: SlashCommand): Promise<string> {
    const user = await this.turns.person(command.user_id, command.channel_id);
    const page = await listChangeRequests(this.app.db, this.app.changeRequests.approvalPolicy, {
      authorId: user.id,
      states: ['open', 'changes_requested', 'approved', 'applying'],
      limit: 20,
    });
    if (page.items.length === 0) return 'You have no open change requests.';
    const lines = page.items.map(
      (cr) =>
        `• *${escapeMrkdwn(cr.title)}* (\`${cr.stackName}\`): ${cr.state.replace('_', ' ')}, risk ${cr.risk.level}, approvals ${cr.approvals.have}/${cr.approvals.need}`,
    );
    return [`Your open change requests (${page.items.length}):`, ...lines].join('\n');
  }

  // ── Interactions ──

  async onBlockActions(payload: BlockActions): Promise<void> {
    const action = payload.actions[0];
    if (!action) return;
    const key = `action:${payload.user.id}:${action.action_id}:${action.action_ts ?? payload.trigger_id}`;
    const opensModal = action.action_id === ACTIONS.requestChanges || action.action_id === ACTIONS.reject;
    if (opensModal && !(await claimDelivery(this.app.db, key, 'interaction'))) return;
    const channel = payload.channel?.id ?? payload.container?.channel_id;
    const messageTs = payload.message?.ts ?? payload.container?.message_ts;
    const threadTs = payload.message?.thread_ts ?? payload.container?.thread_ts ?? messageTs;
    const slackUserId = payload.user.id;

    switch (action.action_id) {
      case ACTIONS.requestChanges:
      case ACTIONS.reject: {
        // The modal must open within seconds of the click (trigger ids expire): no background here.
        const user = await this.turns.person(slackUserId, channel ?? null);
        if (!hasRole(user, ['reviewer', 'policy_admin'])) {
          this.ephemeral(
            channel,
            slackUserId,
            'Only reviewers can reject or request changes. Ask an infra admin for the reviewer role.',
          );
          return;
        }
        const kind: ReasonAction = action.action_id === ACTIONS.reject ? 'reject' : 'request_changes';
        const { id, revision } = reviewButtonValue(action.value);
        await this.client.views.open({
          trigger_id: payload.trigger_id,
          view: reasonModal({
            action: kind,
            changeRequestId: id,
            ...(revision === undefined ? {} : { revision }),
            channel: channel ?? '',
            messageTs: messageTs ?? '',
          }),
        });
        return;
      }
      default: {
        const payload: ActionPayload = {
          actionId: action.action_id,
          value: action.value,
          slackUserId,
          channel,
          threadTs,
        };
        await this.accept(key, 'interaction', { key, kind: 'action', payload: { ...payload } });
      }
    }
  }

  private async act(job: SlackJob): Promise<void> {
    const { actionId, value, slackUserId, channel, threadTs } = job.payload as unknown as ActionPayload;
    const user = await this.turns.person(slackUserId, channel ?? null);
    const ctx = { user };
    try {
      switch (actionId) {
        case ACTIONS.submit: {
          // Submit revises the stack's open request (the review message is updated in place) or opens one.
          const done = await this.app.changeRequests.submit(
            ctx,
            { proposalId: value, channel: 'slack' },
            { key: `slack-submit:${value}` },
          );
          if (channel && threadTs && !job.progress.posted) {
            await this.holdOrStop(job);
            const cr = done.body;
            const review = this.settings.reviewChannel ? ` in <#${this.settings.reviewChannel}>` : '';
            const what =
              done.outcome === 'revised'
                ? `:arrows_counterclockwise: Revision ${cr.revision} submitted${review}`
                : done.outcome === 'unchanged'
                  ? `:information_source: Already submitted as revision ${cr.revision}${review}`
                  : `:inbox_tray: Submitted for review${review}`;
            await this.poster.send('chat.postMessage', {
              channel,
              thread_ts: threadTs,
              text: `${what}: *${escapeMrkdwn(cr.title)}*, risk ${cr.risk.level} (${cr.approvals.status.missing.join('; ') || 'no approvals missing'}). I will tell you here when it is decided.`,
            });
            await this.jobs.saveProgress(job, { posted: true });
          }
          return;
        }
        case ACTIONS.approve: {
          // The button names the revision it was rendered for: a click on a message older than a revision
          // is refused (409) instead of approving what the reviewer never saw.
          const { id, revision } = reviewButtonValue(value);
          await this.app.changeRequests.approve(ctx, id, { revision }, { key: `slack:${job.key}` });
          return;
        }
        case ACTIONS.undo: {
          const thread = await threadOfConversation(this.app.db, value);
          if (!thread) return;
          await this.turns.turn(job, true, {
            conversationId: value,
            channel: thread.channel,
            threadTs: thread.threadTs,
            slackUserId,
            user,
            text: 'undo',
          });
          return;
        }
        case ACTIONS.showTemplate: {
          if (!channel || !threadTs) return;
          const thread = await findThread(this.app.db, channel, threadTs);
          if (!thread) return;
          const proposal = await this.app.conversations.proposal(thread.conversationId, value, user);
          await this.client.files.uploadV2({
            channel_id: channel,
            thread_ts: threadTs,
            filename: `${proposal.architecture.name}.template.yaml`,
            title: `CloudFormation template (${proposal.stackName ?? proposal.architecture.name})`,
            content: proposal.templateYaml,
          });
          return;
        }
        default:
          return;
      }
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      this.ephemeral(channel, slackUserId, `:warning: ${error.detail ?? error.message}`);
    }
  }

  async onViewSubmission(payload: ViewSubmission): Promise<ViewReply> {
    return submitReason(this.app, payload, (slackUserId, channel) => this.turns.person(slackUserId, channel));
  }

  // ── Change request events ──

  /** Subscribed to change request events: handled in the background, so `idle()` waits for it too. */
  followChange(event: ChangeEvent): void {
    this.background(`change:${event.type}`, () =>
      this.reviewUpdates.run(event.changeRequest.id, () =>
        updateReviewMessage(
          { app: this.app, poster: this.poster, reviewChannel: this.settings.reviewChannel },
          event,
        ),
      ),
    );
  }
}
