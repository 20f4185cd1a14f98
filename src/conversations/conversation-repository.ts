import { type Selectable, sql } from 'kysely';
import type { Architecture } from '../model/architecture.ts';
import type { Operation } from '../model/operations.ts';
import type { Db } from '../store/database.ts';
import type { Channel, ConversationView, TurnView } from './conversation-view.ts';
import type { ConversationsTable } from './tables.ts';

/** A conversation as stored, with its undo/redo history and focus (not part of the public view). */
export interface ConversationRecord extends ConversationView {
  undo: Architecture[];
  redo: Architecture[];
  focus: string[];
}

type Row = Selectable<ConversationsTable>;

function toRecord(row: Row): ConversationRecord {
  const undo = (row.undo_stack ?? []) as Architecture[];
  const redo = (row.redo_stack ?? []) as Architecture[];
  return {
    id: row.id,
    title: row.title,
    team: row.team,
    environment: row.environment,
    channel: row.channel as Channel,
    owner: { id: row.owner_id, name: row.owner_name },
    architecture: row.architecture as Architecture,
    latestProposalId: row.latest_proposal_id,
    turnCount: row.turn_count,
    version: row.version,
    canUndo: undo.length > 0,
    canRedo: redo.length > 0,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    undo,
    redo,
    focus: (row.focus ?? []) as string[],
  };
}

export function toView(record: ConversationRecord): ConversationView {
  const { undo: _undo, redo: _redo, focus: _focus, ...view } = record;
  return view;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function insertConversation(
  db: Db,
  input: {
    id: string;
    owner: { id: string; name: string };
    team: string | null;
    environment: string | null;
    title: string | null;
    channel: Channel;
    architecture: Architecture;
  },
): Promise<ConversationRecord> {
  const row = await db
    .insertInto('conversations')
    .values({
      id: input.id,
      owner_id: input.owner.id,
      owner_name: input.owner.name,
      team: input.team,
      environment: input.environment,
      title: input.title,
      channel: input.channel,
      architecture: JSON.stringify(input.architecture),
      latest_proposal_id: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toRecord(row);
}

export async function findConversation(db: Db, id: string): Promise<ConversationRecord | null> {
  if (!UUID.test(id)) return null;
  const row = await db.selectFrom('conversations').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toRecord(row) : null;
}

/** Writes a turn's new state if the conversation is still at `expectedVersion`; false when it moved on. */
export async function updateConversation(
  db: Db,
  id: string,
  expectedVersion: number,
  next: {
    architecture: Architecture;
    undo: Architecture[];
    redo: Architecture[];
    focus: string[];
    latestProposalId: string | null;
    turnCount: number;
  },
): Promise<boolean> {
  const result = await db
    .updateTable('conversations')
    .set({
      architecture: JSON.stringify(next.architecture),
      undo_stack: JSON.stringify(next.undo),
      redo_stack: JSON.stringify(next.redo),
      focus: JSON.stringify(next.focus),
      latest_proposal_id: next.latestProposalId,
      team: next.architecture.team,
      environment: next.architecture.environment,
      turn_count: next.turnCount,
      version: expectedVersion + 1,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertTurn(
  db: Db,
  conversationId: string,
  turn: Omit<TurnView, 'createdAt'>,
): Promise<void> {
  await db
    .insertInto('conversation_turns')
    .values({
      conversation_id: conversationId,
      seq: turn.seq,
      message: turn.message,
      intent: turn.intent,
      operations: JSON.stringify(turn.operations),
      reply: turn.reply,
      questions: JSON.stringify(turn.questions),
      notes: JSON.stringify(turn.notes),
      proposal_id: turn.proposalId,
      planner: turn.planner,
      latency_ms: Math.round(turn.latencyMs),
      input_tokens: turn.usage?.inputTokens ?? null,
      output_tokens: turn.usage?.outputTokens ?? null,
    })
    .execute();
}

export async function listTurns(db: Db, conversationId: string): Promise<TurnView[]> {
  const rows = await db
    .selectFrom('conversation_turns')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .orderBy('seq')
    .execute();
  return rows.map((row) => ({
    seq: row.seq,
    message: row.message,
    intent: row.intent,
    operations: row.operations as Operation[],
    reply: row.reply,
    questions: row.questions as string[],
    notes: row.notes as string[],
    proposalId: row.proposal_id,
    planner: row.planner,
    latencyMs: row.latency_ms,
    usage:
      row.input_tokens === null || row.output_tokens === null
        ? null
        : { inputTokens: row.input_tokens, outputTokens: row.output_tokens },
    createdAt: new Date(row.created_at).toISOString(),
  }));
}

/** Conversations a user may see, newest first: their own and their teams' (every one for `all`). */
export async function listConversations(
  db: Db,
  filter: { ownerId: string; teams: readonly string[]; all: boolean; limit: number },
): Promise<ConversationRecord[]> {
  let query = db.selectFrom('conversations').selectAll();
  if (!filter.all) {
    query = query.where((eb) =>
      filter.teams.length > 0
        ? eb.or([eb('owner_id', '=', filter.ownerId), eb('team', 'in', [...filter.teams])])
        : eb('owner_id', '=', filter.ownerId),
    );
  }
  const rows = await query.orderBy('updated_at', 'desc').orderBy('id').limit(filter.limit).execute();
  return rows.map((row) => toRecord(row));
}

/**
 * Another conversation of the team that targets the same stack (team, app name, environment), so that a
 * second conversation never silently edits the stack a first one owns. Null when there is none.
 */
export async function findConversationOnStack(
  db: Db,
  stack: { team: string; environment: string; name: string; excluding?: string },
): Promise<{ id: string; title: string | null } | null> {
  let query = db
    .selectFrom('conversations')
    .select(['id', 'title'])
    .where('team', '=', stack.team)
    .where('environment', '=', stack.environment)
    .where(sql<string>`architecture->>'name'`, '=', stack.name);
  if (stack.excluding) query = query.where('id', '!=', stack.excluding);
  const row = await query.orderBy('created_at').limit(1).executeTakeFirst();
  return row ?? null;
}

/** The message of the conversation's latest turn, or undefined before the first. */
export async function lastMessage(db: Db, conversationId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('conversation_turns')
    .select('message')
    .where('conversation_id', '=', conversationId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.message;
}
