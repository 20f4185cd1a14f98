/**
 * A Slack job's turn, if it already committed: the turn's audit entry carries the job's request id in the
 * same transaction, so a job resumed after a crash finds its turn instead of planning the message twice.
 */

import type { FastifyInstance } from 'fastify';
import type {} from '../audit/tables.ts';
import type { TurnResult } from '../conversations/turn/turn-result.ts';
import type { AuthUser } from '../identity/roles.ts';
import type { Db } from '../store/database.ts';

export async function turnOfRequest(
  app: FastifyInstance,
  db: Db,
  requestId: string,
  user: AuthUser,
): Promise<TurnResult | null> {
  const entry = await db
    .selectFrom('audit_log')
    .select(['subject_id', 'summary'])
    .where('action', '=', 'conversation.message')
    .where('request_id', '=', requestId)
    .executeTakeFirst();
  if (!entry) return null;
  const seq = Number(entry.summary.seq);
  const conversation = await app.conversations.get(entry.subject_id, user);
  const turn = conversation.turns.find((t) => t.seq === seq);
  if (!turn) return null;
  const proposal = turn.proposalId
    ? await app.conversations.proposal(conversation.id, turn.proposalId, user)
    : null;
  return {
    conversationId: conversation.id,
    seq,
    reply: turn.reply,
    questions: turn.questions,
    operations: turn.operations,
    proposal,
    intent: turn.intent as TurnResult['intent'],
    planner: turn.planner,
    notes: turn.notes,
    version: conversation.version,
  };
}
