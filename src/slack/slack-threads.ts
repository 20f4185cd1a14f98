import type { Db } from '../store/database.ts';
import type { Selectable } from 'kysely';
import type { SlackThreadsTable } from './tables.ts';

/** A Slack thread is a conversation: (channel, thread ts) ↔ conversation id. */
export interface SlackThread {
  channel: string;
  threadTs: string;
  conversationId: string;
  requesterSlackId: string;
}

function toThread(row: Selectable<SlackThreadsTable> | undefined): SlackThread | null {
  if (!row) return null;
  return {
    channel: row.channel,
    threadTs: row.thread_ts,
    conversationId: row.conversation_id,
    requesterSlackId: row.requester_slack_id,
  };
}

export async function findThread(db: Db, channel: string, threadTs: string): Promise<SlackThread | null> {
  return toThread(
    await db
      .selectFrom('slack_threads')
      .selectAll()
      .where('channel', '=', channel)
      .where('thread_ts', '=', threadTs)
      .executeTakeFirst(),
  );
}

export async function threadOfConversation(db: Db, conversationId: string): Promise<SlackThread | null> {
  return toThread(
    await db
      .selectFrom('slack_threads')
      .selectAll()
      .where('conversation_id', '=', conversationId)
      .executeTakeFirst(),
  );
}

/** Records the thread of a new conversation; if another delivery got there first, returns that one. */
export async function claimThread(db: Db, thread: SlackThread): Promise<SlackThread> {
  const inserted = await db
    .insertInto('slack_threads')
    .values({
      channel: thread.channel,
      thread_ts: thread.threadTs,
      conversation_id: thread.conversationId,
      requester_slack_id: thread.requesterSlackId,
    })
    .onConflict((oc) => oc.columns(['channel', 'thread_ts']).doNothing())
    .returning('conversation_id')
    .executeTakeFirst();
  if (inserted) return thread;
  return (await findThread(db, thread.channel, thread.threadTs)) ?? thread;
}
