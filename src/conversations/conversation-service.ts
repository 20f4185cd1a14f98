import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AuditLog } from '../audit/audit-log.ts';
import { ValidationError } from '../http/errors/validation-error.ts';
import type { AuthUser } from '../identity/roles.ts';
import { hasRole } from '../identity/roles.ts';
import { emptyArchitecture } from '../model/architecture.ts';
import type { Environment } from '../model/kinds.ts';
import type { Planner } from '../planner/planner.ts';
import type { Proposal } from '../proposal/proposal.ts';
import { getProposal } from '../proposal/proposal-repository.ts';
import { redactSecrets } from '../secrets/redact-secrets.ts';
import type { Database } from '../store/database.ts';
import { appName } from './app-name.ts';
import { canPost, canRead } from './conversation-access.ts';
import { ConversationForbiddenError } from './conversation-forbidden-error.ts';
import { ConversationNotFoundError } from './conversation-not-found-error.ts';
import type { ConversationRecord } from './conversation-repository.ts';
import {
  findConversation,
  findConversationOnStack,
  insertConversation,
  lastMessage,
  listConversations,
  listTurns,
  toView,
} from './conversation-repository.ts';
import type { Channel, ConversationView, TurnView } from './conversation-view.ts';
import { loadProposalInputs } from './turn/proposal-inputs.ts';
import { runTurn, type TurnPorts } from './turn/run-turn.ts';
import { storeTurn } from './turn/store-turn.ts';
import type { Submitter } from './turn/submit-proposal.ts';
import type { TurnEvent } from './turn/turn-event.ts';
import type { TurnResult } from './turn/turn-result.ts';

/** Longest message a turn accepts, in characters. */
export const MAX_MESSAGE_CHARS = 4000;

export interface PostMessageInput {
  conversationId: string;
  text: string;
  actor: AuthUser;
  channel?: Channel;
  requestId?: string;
  onEvent?: (event: TurnEvent) => void;
}

export interface CreateConversationInput {
  team?: string | null | undefined;
  environment?: Environment | null | undefined;
  title?: string | null | undefined;
  channel?: Channel;
}

/**
 * Conversations: each message is planned into edit operations, applied to the conversation's architecture
 * (with undo/redo), turned into a proposal and answered with a short reply. A turn is stored in one
 * transaction guarded by the conversation's version, so a failed or concurrent turn changes nothing.
 */
export class ConversationService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditLog,
    private readonly planner: Planner,
    private readonly clock: () => Date = () => new Date(),
    /** Opens a change request from a proposal ("submit it for review"), when change requests are available. */
    private readonly submitter?: Submitter,
  ) {}

  async create(
    input: CreateConversationInput,
    actor: AuthUser,
    requestId?: string,
  ): Promise<ConversationView> {
    if (input.title) input = { ...input, title: (await redactSecrets(input.title)).text };
    const team = input.team ?? (actor.teams.length === 1 ? actor.teams[0]! : null);
    if (team !== null && !actor.teams.includes(team) && !actor.roles.includes('admin')) {
      throw new ConversationForbiddenError(`You are not a member of team ${team}.`, { team });
    }
    const id = randomUUID();
    // an untitled conversation gets an app name of its own, so two of a team's conversations never share a stack
    const name = appName(input.title, id);
    const architecture = emptyArchitecture({ name, team, environment: input.environment ?? null });
    return this.db.transaction().execute(async (trx) => {
      const record = await insertConversation(trx, {
        id,
        owner: { id: actor.id, name: actor.name },
        team,
        environment: input.environment ?? null,
        title: input.title ?? null,
        channel: input.channel ?? 'api',
        architecture,
      });
      await this.audit.record(
        {
          actor: { id: actor.id, name: actor.name },
          action: 'conversation.create',
          subject: { type: 'conversation', id },
          after: toView(record),
          summary: { team, environment: input.environment ?? null, channel: input.channel ?? 'api' },
          requestId,
        },
        trx,
      );
      return toView(record);
    });
  }

  private async visible(id: string, actor: AuthUser): Promise<ConversationRecord> {
    const record = await findConversation(this.db, id);
    if (!record || !canRead(actor, record)) throw new ConversationNotFoundError(id);
    return record;
  }

  /** The caller's conversations and their teams' (reviewers and admins see every one), newest first. */
  async list(actor: AuthUser, limit = 50): Promise<ConversationView[]> {
    const records = await listConversations(this.db, {
      ownerId: actor.id,
      teams: actor.teams,
      all: hasRole(actor, ['admin', 'reviewer']),
      limit,
    });
    return records.map(toView);
  }

  async get(id: string, actor: AuthUser): Promise<ConversationView & { turns: TurnView[] }> {
    const record = await this.visible(id, actor);
    return { ...toView(record), turns: await listTurns(this.db, id) };
  }

  async proposal(id: string, proposalId: string, actor: AuthUser): Promise<Proposal> {
    await this.visible(id, actor);
    const proposal = await getProposal(this.db, proposalId);
    if (!proposal || proposal.conversationId !== id) throw new ConversationNotFoundError(id);
    return proposal;
  }

  /** Checks a message and the caller's right to post it, without planning: throws what postMessage would. */
  async preflight(conversationId: string, rawText: string, actor: AuthUser): Promise<ConversationRecord> {
    const text = rawText.trim();
    if (text.length === 0) throw new ValidationError([{ path: 'body.text', message: 'must not be empty' }]);
    if (text.length > MAX_MESSAGE_CHARS) {
      throw new ValidationError([
        {
          path: 'body.text',
          message: `must be at most ${MAX_MESSAGE_CHARS} characters (got ${text.length})`,
        },
      ]);
    }
    const record = await this.visible(conversationId, actor);
    if (!canPost(actor, record)) {
      throw new ConversationForbiddenError('You can read this conversation but not post in it.', {
        conversationId: record.id,
      });
    }
    return record;
  }

  /**
   * Plans, stores and answers one message: loads what the turn needs, runs it (`runTurn`), stores it
   * (`storeTurn`) and only then announces its reply. `checked` is the record `preflight` returned for this
   * very input, so a caller that had to check first (the streaming route) does not read the conversation twice.
   */
  async postMessage(input: PostMessageInput, checked?: ConversationRecord): Promise<TurnResult> {
    const started = performance.now();
    const emit = input.onEvent ?? (() => {});
    const record = checked ?? (await this.preflight(input.conversationId, input.text, input.actor));
    // Only the redacted text is planned, stored, answered and shown again.
    const message = (await redactSecrets(input.text.trim())).text;
    const channel = input.channel ?? record.channel;
    const previousMessage = await lastMessage(this.db, record.id);

    const turn = await runTurn(
      { conversation: record, message, previousMessage, actor: input.actor },
      this.turnPorts({ actor: input.actor, channel, requestId: input.requestId }, emit),
    );
    const version = await storeTurn(this.db, this.audit, {
      conversation: record,
      turn,
      actor: input.actor,
      channel,
      requestId: input.requestId,
      started,
    });

    const result: TurnResult = {
      conversationId: record.id,
      seq: turn.seq,
      reply: turn.reply,
      questions: turn.questions,
      operations: turn.operations,
      proposal: turn.proposal,
      intent: turn.intent,
      planner: turn.planner,
      notes: turn.notes,
      version,
    };
    // Only a committed turn is announced: a turn that loses a race streams an error, never a reply.
    emit({ type: 'reply', text: turn.reply });
    emit({ type: 'done', result });
    return result;
  }

  /** What a turn reads and does outside itself, bound to this store and this caller. */
  private turnPorts(
    caller: { actor: AuthUser; channel: Channel; requestId: string | undefined },
    emit: (event: TurnEvent) => void,
  ): TurnPorts {
    const { submitter } = this;
    return {
      planner: this.planner,
      latestProposal: (id) => getProposal(this.db, id),
      conversationOnStack: (stack) => findConversationOnStack(this.db, stack),
      proposalInputs: (architecture, now) => loadProposalInputs(this.db, architecture, now),
      submit: submitter ? (proposalId) => submitter({ proposalId, ...caller }) : undefined,
      clock: this.clock,
      emit,
    };
  }
}
