import type { Kysely } from 'kysely';
import type { AuditLog } from '../../audit/audit-log.ts';
import type { AuthUser } from '../../identity/roles.ts';
import { insertProposal } from '../../proposal/proposal-repository.ts';
import type { Database } from '../../store/database.ts';
import { ConversationConflictError } from '../conversation-conflict-error.ts';
import type { ConversationRecord } from '../conversation-repository.ts';
import { insertTurn, updateConversation } from '../conversation-repository.ts';
import type { Channel } from '../conversation-view.ts';
import type { Turn } from './run-turn.ts';

export interface StoreTurnInput {
  /** The conversation as the turn read it: its version guards the write. */
  conversation: ConversationRecord;
  turn: Turn;
  actor: AuthUser;
  channel: Channel;
  requestId: string | undefined;
  /** `performance.now()` when the turn started: the stored latency runs up to the write. */
  started: number;
}

/**
 * Stores a turn in one transaction: its new proposal, the conversation's architecture, history and focus
 * (only if its version is still the one the turn read, else ConversationConflictError and nothing is kept),
 * the turn row and its audit entry. Returns the conversation's new version.
 */
export async function storeTurn(
  db: Kysely<Database>,
  audit: AuditLog,
  input: StoreTurnInput,
): Promise<number> {
  const { conversation: record, turn } = input;
  const proposalId = turn.proposal?.id ?? null;
  return db.transaction().execute(async (trx) => {
    if (turn.freshProposal && turn.proposal) await insertProposal(trx, turn.proposal, turn.seq);
    const ok = await updateConversation(trx, record.id, record.version, {
      architecture: turn.session.architecture,
      undo: turn.session.undo,
      redo: turn.session.redo,
      focus: turn.focus,
      latestProposalId: proposalId,
      turnCount: turn.seq,
    });
    if (!ok) throw new ConversationConflictError(record.id, record.version);
    await insertTurn(trx, record.id, {
      seq: turn.seq,
      message: turn.message,
      intent: turn.intent,
      operations: turn.operations,
      reply: turn.reply,
      questions: turn.questions,
      notes: turn.notes,
      proposalId,
      planner: turn.planner,
      latencyMs: performance.now() - input.started,
      usage: turn.usage,
    });
    await audit.record(
      {
        actor: { id: input.actor.id, name: input.actor.name },
        action: 'conversation.message',
        subject: { type: 'conversation', id: record.id },
        before: record.architecture,
        after: turn.session.architecture,
        summary: {
          seq: turn.seq,
          intent: turn.intent,
          planner: turn.planner,
          operations: turn.operations.length,
          proposalId,
          channel: input.channel,
        },
        requestId: input.requestId,
      },
      trx,
    );
    return record.version + 1;
  });
}
