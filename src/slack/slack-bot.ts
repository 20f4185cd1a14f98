import type { KnownBlock, WebClient } from '@slack/web-api';
import { z } from 'zod';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { listChangeRequests } from '../change-requests/review-queue.ts';
import type { ChangeEvent } from '../change-requests/notifier.ts';
import { ConversationConflictError } from '../conversations/conversation-conflict-error.ts';
import type { TurnResult } from '../conversations/conversation-service.ts';
import { AppError } from '../errors/app-error.ts';
import { hasRole, type AuthUser } from '../identity/roles.ts';
import { parseJson } from '../json/parse-json.ts';
import { redactSecrets } from '../secrets/redact-secrets.ts';
import {
  ACTIONS,
  REASON_BLOCK,
  REASON_INPUT,
  REASON_MODAL_CALLBACK,
  reviewButtonValue,
} from './blocks/action-ids.ts';
import { escapeMrkdwn } from './blocks/mrkdwn.ts';
import { proposalBlocks } from './blocks/proposal-blocks.ts';
import { type ReasonAction, reasonModal } from './blocks/reason-modal.ts';
import { claimDelivery } from './claim-delivery.ts';
import { updateReviewMessage } from './review-message-updates.ts';
import {
  type BlockActions,
  type MessageEvent,
  MessageEvent as MessageEventSchema,
  type SlashCommand,
  type ViewSubmission,
} from './slack-payloads.ts';
import type { SlackPeople } from './slack-people.ts';
import type { SlackPoster } from './slack-poster.ts';
import { claimThread, findThread, threadOfConversation } from './slack-threads.ts';
import { proposalView } from './slack-views.ts';
import type {} from './tables.ts';

export interface SlackBotSettings {
  reviewChannel: string | null;
  /** Slack channel id → copilot team, for provisioning people and new conversations. */
  channelTeams: ReadonlyMap<string, string>;
}

/** What a slash command answers at once (Slack shows it only to the caller). */
export interface CommandReply {
  response_type: 'ephemeral';
  text: string;
}

/** What a view submission answers: nothing (the modal closes), or errors shown under the input. */
export type ViewReply = Record<string, never> | { response_action: 'errors'; errors: Record<string, string> };

const HELP = [
  '*Infra Copilot* turns a request into a reviewed, policy-checked infrastructure change.',
  '• `/infra <request>`: start a request, e.g. `/infra an API with a Postgres database for team payments, prod`',
  '• `/infra status`: your open change requests',
  '• `/infra help`: this help',
  'Or mention me in a channel, or write to me directly; reply in the thread to change the proposal.',
].join('\n');

/** `<@U123> make it multi-AZ` → `make it multi-AZ`. */
function withoutMentions(text: string): string {
  return text.replace(/<@[A-Z0-9]+(\|[^>]*)?>/g, '').trim();
}

/**
 * The Slack bot: a thread is a conversation, the proposal is posted in it after every turn, Submit makes a
 * change request whose review message in the review channel is updated in place after every decision, and
 * the requester is told in their thread. Requests are acknowledged at once; the work runs in the background
 * (`idle()` waits for it) with all state in the store.
 */
export class SlackBot {
  private readonly tasks = new Set<Promise<void>>();

  constructor(
    private readonly app: FastifyInstance,
    private readonly client: WebClient,
    private readonly poster: SlackPoster,
    private readonly people: SlackPeople,
    private readonly settings: SlackBotSettings,
    private readonly log: FastifyBaseLogger,
  ) {}

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

  private teamOf(channel: string): string | null {
    return this.settings.channelTeams.get(channel) ?? null;
  }

  private person(slackUserId: string, channel: string | null): Promise<AuthUser> {
    return this.people.resolve(slackUserId, channel ? this.teamOf(channel) : null, async () => {
      const info = (await this.client.users.info({ user: slackUserId })) as {
        user?: { name?: string; real_name?: string };
      };
      return { name: info.user?.name, realName: info.user?.real_name };
    });
  }

  private ephemeral(channel: string | undefined, user: string, text: string): void {
    if (!channel) return;
    this.background('ephemeral', async () => {
      await this.poster.send('chat.postEphemeral', { channel, user, text });
    });
  }

  // ── Events API ──

  /** An Events API callback, already verified and not seen before. Returns at once. */
  async onEvent(eventId: string, event: { type: string } & Record<string, unknown>): Promise<void> {
    if (!(await claimDelivery(this.app.db, `event:${eventId}`, 'event'))) return;
    if (event.type !== 'app_mention' && event.type !== 'message') return;
    const parsed = MessageEventSchema.safeParse(event);
    if (!parsed.success) return;
    const message = { ...parsed.data, text: (await redactSecrets(parsed.data.text)).text };
    // Its own and other bots' messages, edits, joins and the like are not requests.
    if (message.bot_id || message.subtype || !message.user) return;
    const isDm = message.channel_type === 'im';
    if (event.type === 'message' && !isDm && !message.thread_ts) return;
    this.background('message', () => this.handleMessage(message, isDm || event.type === 'app_mention'));
  }

  private async handleMessage(message: MessageEvent, mayStart: boolean): Promise<void> {
    // A mention arrives as both app_mention and message: handle each Slack message once.
    if (!(await claimDelivery(this.app.db, `message:${message.channel}:${message.ts}`, 'event'))) return;
    const threadTs = message.thread_ts ?? message.ts;
    const known = await findThread(this.app.db, message.channel, threadTs);
    if (!known && !mayStart) return; // a reply in a thread that is not ours
    const user = await this.person(message.user as string, message.channel);
    const conversationId =
      known?.conversationId ??
      (await this.startConversation(message.channel, threadTs, message.user as string, user, message.text));
    await this.turn(
      conversationId,
      message.channel,
      threadTs,
      message.user as string,
      user,
      withoutMentions(message.text),
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

  private async turn(
    conversationId: string,
    channel: string,
    threadTs: string,
    slackUserId: string,
    user: AuthUser,
    text: string,
  ): Promise<void> {
    let result: TurnResult;
    try {
      result = await this.postWithRetry(conversationId, text || 'help', user);
    } catch (error) {
      const reason =
        error instanceof AppError
          ? (error.detail ?? error.message)
          : 'Something went wrong on our side; nothing was changed. Try again in a moment.';
      if (!(error instanceof AppError)) this.log.error({ err: error, conversationId }, 'Slack turn failed');
      await this.poster.send('chat.postMessage', {
        channel,
        thread_ts: threadTs,
        text: `<@${slackUserId}> ${reason}`,
      });
      return;
    }
    await this.postTurn(result, channel, threadTs);
  }

  /** Two messages in one thread at once: the turn that loses the version race is planned again on top. */
  private async postWithRetry(conversationId: string, text: string, user: AuthUser): Promise<TurnResult> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.app.conversations.postMessage({
          conversationId,
          text,
          actor: user,
          channel: 'slack',
        });
      } catch (error) {
        if (!(error instanceof ConversationConflictError) || attempt >= 3) throw error;
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

  // ── Slash commands ──

  async onCommand(command: SlashCommand): Promise<CommandReply> {
    if (!(await claimDelivery(this.app.db, `command:${command.trigger_id}`, 'command'))) {
      return { response_type: 'ephemeral', text: 'Already on it.' };
    }
    const text = (await redactSecrets(command.text.trim())).text;
    const word = text.toLowerCase();
    if (word === '' || word === 'help') return { response_type: 'ephemeral', text: HELP };
    if (word === 'status') return { response_type: 'ephemeral', text: await this.status(command) };
    this.background('command', async () => {
      const user = await this.person(command.user_id, command.channel_id);
      const opened = await this.poster.send('chat.postMessage', {
        channel: command.channel_id,
        text: `<@${command.user_id}> asked: ${escapeMrkdwn(text)}`,
      });
      if (!opened.delivered || !opened.ts) return;
      const conversationId = await this.startConversation(
        command.channel_id,
        opened.ts,
        command.user_id,
        user,
        text,
      );
      await this.turn(conversationId, command.channel_id, opened.ts, command.user_id, user, text);
    });
    return {
      response_type: 'ephemeral',
      text: 'Working on it: the proposal will appear in a thread in this channel.',
    };
  }

  private async status(command: SlashCommand): Promise<string> {
    const user = await this.person(command.user_id, command.channel_id);
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
    if (!(await claimDelivery(this.app.db, key, 'interaction'))) return;
    const channel = payload.channel?.id ?? payload.container?.channel_id;
    const messageTs = payload.message?.ts ?? payload.container?.message_ts;
    const threadTs = payload.message?.thread_ts ?? payload.container?.thread_ts ?? messageTs;
    const slackUserId = payload.user.id;

    switch (action.action_id) {
      case ACTIONS.requestChanges:
      case ACTIONS.reject: {
        // The modal must open within seconds of the click (trigger ids expire): no background here.
        const user = await this.person(slackUserId, channel ?? null);
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
      default:
        this.background(action.action_id, () =>
          this.act(action.action_id, action.value, slackUserId, channel, threadTs),
        );
    }
  }

  private async act(
    actionId: string,
    value: string,
    slackUserId: string,
    channel: string | undefined,
    threadTs: string | undefined,
  ): Promise<void> {
    const user = await this.person(slackUserId, channel ?? null);
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
          if (channel && threadTs && !done.replayed) {
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
          }
          return;
        }
        case ACTIONS.approve: {
          // The button names the revision it was rendered for: a click on a message older than a revision
          // is refused (409) instead of approving what the reviewer never saw.
          const { id, revision } = reviewButtonValue(value);
          await this.app.changeRequests.approve(ctx, id, { revision }, null);
          return;
        }
        case ACTIONS.undo: {
          const thread = await threadOfConversation(this.app.db, value);
          if (!thread) return;
          await this.turn(value, thread.channel, thread.threadTs, slackUserId, user, 'undo');
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
    if (payload.view.callback_id !== REASON_MODAL_CALLBACK) return {};
    const state = ReasonState.safeParse(safeJson(payload.view.private_metadata));
    if (!state.success)
      return {
        response_action: 'errors',
        errors: { [REASON_BLOCK]: 'This form is out of date; close it and click the button again.' },
      };
    const reason = payload.view.state.values[REASON_BLOCK]?.[REASON_INPUT]?.value?.trim() ?? '';
    if (reason.length < 3)
      return {
        response_action: 'errors',
        errors: { [REASON_BLOCK]: 'Say why, in a few words (at least 3 characters).' },
      };
    const user = await this.person(payload.user.id, state.data.channel || null);
    try {
      const input = { reason, revision: state.data.revision };
      if (state.data.action === 'reject')
        await this.app.changeRequests.reject({ user }, state.data.changeRequestId, input);
      else await this.app.changeRequests.requestChanges({ user }, state.data.changeRequestId, input);
      return {};
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return {
        response_action: 'errors',
        errors: { [REASON_BLOCK]: (error.detail ?? error.message).slice(0, 200) },
      };
    }
  }

  // ── Change request events ──

  /** Subscribed to change request events: handled in the background, so `idle()` waits for it too. */
  followChange(event: ChangeEvent): void {
    this.background(`change:${event.type}`, () => this.onChangeEvent(event));
  }

  /** Posts or updates the review message and tells the requester (`review-message-updates.ts`). */
  onChangeEvent(event: ChangeEvent): Promise<void> {
    return updateReviewMessage(
      { app: this.app, poster: this.poster, reviewChannel: this.settings.reviewChannel },
      event,
    );
  }
}

const ReasonState = z.object({
  action: z.enum(['reject', 'request_changes']),
  changeRequestId: z.string().min(1),
  revision: z.number().int().min(1).optional(),
  channel: z.string(),
  messageTs: z.string(),
});

function safeJson(text: string): unknown {
  const parsed = parseJson(text);
  return parsed.ok ? parsed.value : null;
}
