import { randomUUID } from 'node:crypto';
import type { AuditLog } from '../audit/audit-log.ts';
import { getCurrentPolicy } from '../guardrails/policy/store/get-current-policy.ts';
import { ValidationError } from '../http/errors/validation-error.ts';
import type { AuthUser } from '../identity/roles.ts';
import { hasRole } from '../identity/roles.ts';
import type { Architecture } from '../model/architecture.ts';
import { emptyArchitecture } from '../model/architecture.ts';
import type { Environment } from '../model/kinds.ts';
import type { Operation } from '../model/operations.ts';
import type { Planner, PlanResult } from '../planner/planner.ts';
import type { SessionState, SessionStep } from '../planner/session.ts';
import { advanceSession, touchedIds } from '../planner/session.ts';
import { buildProposal } from '../proposal/build-proposal.ts';
import { teamDeployedCost } from '../proposal/team-deployed-cost.ts';
import type { Proposal } from '../proposal/proposal.ts';
import { getProposal, insertProposal } from '../proposal/proposal-repository.ts';
import { redactSecrets } from '../secrets/redact-secrets.ts';
import { getBaseline } from '../stacks/baseline-store.ts';
import { stackNameFor } from '../stacks/stack-name.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../store/database.ts';
import { listActiveWaivers } from '../waivers/waiver-store.ts';
import { answerQuestion } from './answer-question.ts';
import { composeReply, type ReplyInput } from './compose-reply.ts';
import { ConversationConflictError } from './conversation-conflict-error.ts';
import { ConversationForbiddenError } from './conversation-forbidden-error.ts';
import { ConversationNotFoundError } from './conversation-not-found-error.ts';
import type { ConversationRecord } from './conversation-repository.ts';
import {
  findConversation,
  findConversationOnStack,
  insertConversation,
  insertTurn,
  lastMessage,
  listConversations,
  listTurns,
  toView,
  updateConversation,
} from './conversation-repository.ts';
import type { Channel, ConversationView, TurnView } from './conversation-view.ts';

export type Submitter = (input: {
  proposalId: string;
  actor: AuthUser;
  channel: Channel;
  requestId?: string | undefined;
}) => Promise<{ id: string; state: string; revision: number; outcome: 'created' | 'revised' | 'unchanged' }>;

/** Longest message a turn accepts, in characters. */
export const MAX_MESSAGE_CHARS = 4000;

export type TurnEvent =
  | { type: 'planning' }
  | { type: 'checking' }
  | { type: 'rendering' }
  | { type: 'reply'; text: string }
  | { type: 'done'; result: TurnResult };

export type TurnResult = {
  conversationId: string;
  seq: number;
  reply: string;
  questions: string[];
  operations: Operation[];
  proposal: Proposal | null;
  intent: PlanResult['intent'];
  planner: string;
  notes: string[];
  version: number;
};

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

/** Who may see and post in a conversation: its owner, members of its team, admins (reviewers may read). */
function canRead(user: AuthUser, c: ConversationRecord): boolean {
  return (
    c.owner.id === user.id ||
    (c.team !== null && user.teams.includes(c.team)) ||
    hasRole(user, ['admin', 'reviewer'])
  );
}

function canPost(user: AuthUser, c: ConversationRecord): boolean {
  return (
    c.owner.id === user.id || (c.team !== null && user.teams.includes(c.team)) || user.roles.includes('admin')
  );
}

/** An app name the conversation was given by default (`app-3f9a2c`): the first change asks for a real one. */
const UNNAMED = /^app-[0-9a-f]{6}$/;

/** The app name (the middle of the stack name) from a title: its first three words, kebab-case. */
function slugName(title: string | null | undefined): string {
  const slug = (title ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[^a-z]+/, '')
    .split('-')
    .filter(Boolean)
    .slice(0, 3)
    .join('-')
    .slice(0, 40)
    .replace(/-+$/, '');
  return slug || 'app';
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
    const name =
      input.title && slugName(input.title) !== 'app' ? slugName(input.title) : `app-${id.slice(0, 6)}`;
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
   * Plans, stores and answers one message. `checked` is the record `preflight` returned for this very input,
   * so a caller that had to check first (the streaming route) does not read the conversation twice.
   */
  async postMessage(input: PostMessageInput, checked?: ConversationRecord): Promise<TurnResult> {
    const started = performance.now();
    const emit = input.onEvent ?? (() => {});
    const record = checked ?? (await this.preflight(input.conversationId, input.text, input.actor));
    // Only the redacted text is planned, stored, answered and shown again.
    const text = (await redactSecrets(input.text.trim())).text;

    emit({ type: 'planning' });
    const previousMessage = await lastMessage(this.db, record.id);
    const plan = await this.planner.plan({
      architecture: record.architecture,
      message: text,
      focus: record.focus,
      ...(previousMessage !== undefined ? { previousMessage } : {}),
    });
    const notes = [...plan.notes];
    const questions = [...plan.questions];
    const operations = this.allowedOperations(plan.operations, input.actor, notes);
    const state: SessionState = { architecture: record.architecture, undo: record.undo, redo: record.redo };
    const step: SessionStep = advanceSession(state, { ...plan, operations });
    const shared = await this.sharedStack(record, step.state.architecture);
    if (shared) notes.push(shared);

    // an unchanged architecture keeps its latest proposal (read only then); a changed one gets a new one
    const changed = step.state.architecture !== record.architecture;
    const latest =
      !changed && record.latestProposalId ? await getProposal(this.db, record.latestProposalId) : null;
    let proposal: Proposal | null = latest;
    let fresh = false;
    if (changed || (!latest && step.state.architecture.components.length > 0)) {
      proposal = await this.propose(record.id, step.state.architecture, this.clock(), emit);
      fresh = true;
    }

    const architecture = step.state.architecture;
    if (changed && !record.latestProposalId && UNNAMED.test(architecture.name)) {
      questions.push(
        `What should the app be called? Its stack is named after it; I used ${architecture.name} for now.`,
      );
    }
    if (
      (plan.intent === 'edit' || step.kind === 'undone' || step.kind === 'redone') &&
      architecture.components.length > 0 &&
      (architecture.team === null || architecture.environment === null)
    ) {
      const missing = [
        architecture.team === null ? 'which team owns this' : '',
        architecture.environment === null ? 'which environment (dev, staging or prod)' : '',
      ]
        .filter(Boolean)
        .join(', and ');
      questions.push(`${missing[0]!.toUpperCase()}${missing.slice(1)}?`);
    }

    const outcome: ReplyInput['outcome'] =
      plan.intent === 'question'
        ? 'answered'
        : plan.intent === 'submit'
          ? 'submit'
          : plan.intent === 'smalltalk'
            ? 'smalltalk'
            : step.kind === 'edited'
              ? step.changed
                ? 'edited'
                : 'unchanged'
              : step.kind;
    let submitted: ReplyInput['submitted'];
    if (outcome === 'submit' && proposal && this.submitter) {
      try {
        const created = await this.submitter({
          proposalId: proposal.id,
          actor: input.actor,
          channel: input.channel ?? record.channel,
          requestId: input.requestId,
        });
        submitted = { ok: true, ...created };
      } catch (error) {
        const status = (error as { status?: unknown }).status;
        if (typeof status !== 'number' || status >= 500) throw error;
        submitted = { ok: false, reason: error instanceof Error ? error.message : String(error) };
      }
    }
    const reply = composeReply({
      ...(submitted ? { submitted } : {}),
      outcome,
      operations,
      proposal,
      questions,
      notes,
      ...(outcome === 'answered' ? { answer: answerQuestion(text, proposal) } : {}),
      ...(step.kind === 'rejected' ? { rejection: step.error.message } : {}),
    });
    const seq = record.turnCount + 1;
    const focus = touchedIds({ ...plan, operations });
    const version = await this.db.transaction().execute(async (trx) => {
      if (fresh && proposal) await insertProposal(trx, proposal, seq);
      const ok = await updateConversation(trx, record.id, record.version, {
        architecture,
        undo: step.state.undo,
        redo: step.state.redo,
        focus: focus.length > 0 ? focus : record.focus,
        latestProposalId: proposal?.id ?? null,
        turnCount: seq,
      });
      if (!ok) throw new ConversationConflictError(record.id, record.version);
      await insertTurn(trx, record.id, {
        seq,
        message: text,
        intent: plan.intent,
        operations: step.kind === 'edited' ? operations : [],
        reply,
        questions,
        notes,
        proposalId: proposal?.id ?? null,
        planner: plan.planner,
        latencyMs: performance.now() - started,
        usage: plan.usage ?? null,
      });
      await this.audit.record(
        {
          actor: { id: input.actor.id, name: input.actor.name },
          action: 'conversation.message',
          subject: { type: 'conversation', id: record.id },
          before: record.architecture,
          after: architecture,
          summary: {
            seq,
            intent: plan.intent,
            planner: plan.planner,
            operations: step.kind === 'edited' ? operations.length : 0,
            proposalId: proposal?.id ?? null,
            channel: input.channel ?? record.channel,
          },
          requestId: input.requestId,
        },
        trx,
      );
      return record.version + 1;
    });

    const result: TurnResult = {
      conversationId: record.id,
      seq,
      reply,
      questions,
      operations: step.kind === 'edited' ? operations : [],
      proposal,
      intent: plan.intent,
      planner: plan.planner,
      notes,
      version,
    };
    // Only a committed turn is announced: a turn that loses a race streams an error, never a reply.
    emit({ type: 'reply', text: reply });
    emit({ type: 'done', result });
    return result;
  }

  /**
   * When a turn points this conversation at a stack another conversation of the team also works on (by its
   * first proposal, by naming the app, or by setting team or environment), the reply says so: their changes
   * go to one stack, and only one change request per stack can be open at a time.
   */
  private async sharedStack(record: ConversationRecord, next: Architecture): Promise<string | undefined> {
    const before = record.architecture;
    if (!next.team || !next.environment || next.components.length === 0) return undefined;
    const same =
      next.name === before.name && next.team === before.team && next.environment === before.environment;
    if (same && record.latestProposalId) return undefined;
    const stack = { team: next.team, environment: next.environment, name: next.name, excluding: record.id };
    const other = await findConversationOnStack(this.db, stack);
    if (!other) return undefined;
    const which = other.title ? `"${other.title}"` : other.id;
    return `Conversation ${which} also works on the ${next.team} ${next.name} stack in ${next.environment}: both change the same stack, and only one change request per stack can be open at a time. Say "call the app …" to work on a stack of its own.`;
  }

  /** Drops a team change to a team the actor is not a member of (admins may set any team). */
  private allowedOperations(operations: readonly Operation[], actor: AuthUser, notes: string[]): Operation[] {
    return operations.flatMap((op): Operation[] => {
      if (op.op !== 'set_meta' || op.team === undefined || op.team === null) return [op];
      if (actor.teams.includes(op.team) || actor.roles.includes('admin')) return [op];
      notes.push(`You are not a member of team ${op.team}, so the team was not changed.`);
      const { team: _team, ...rest } = op;
      return Object.keys(rest).length > 1 ? [rest] : [];
    });
  }

  private async propose(
    conversationId: string,
    architecture: Architecture,
    now: Date,
    emit: (event: TurnEvent) => void,
  ): Promise<Proposal> {
    let stackName: string | null = null;
    if (architecture.team && architecture.environment) {
      try {
        stackName = stackNameFor({
          team: architecture.team,
          app: architecture.name,
          environment: architecture.environment,
        });
      } catch {
        stackName = null;
      }
    }
    const [policy, waivers, baseline, teamCost] = await Promise.all([
      getCurrentPolicy(this.db),
      listActiveWaivers(this.db, now),
      stackName ? getBaseline(this.db, stackName) : Promise.resolve(null),
      architecture.team
        ? teamDeployedCost(this.db, architecture.team, stackName, architecture.region)
        : Promise.resolve(undefined),
    ]);
    const { proposal } = buildProposal(
      {
        conversationId,
        architecture,
        policy,
        waivers,
        baseline: baseline?.template ?? null,
        stackName,
        now,
        ...(teamCost ? { teamCost } : {}),
      },
      (stage) => emit({ type: stage }),
    );
    return proposal;
  }
}
