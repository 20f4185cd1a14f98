import type { Db } from '../store/database.ts';
import type {} from './tables.ts';

/** Where a change request's review message was posted, so every later decision updates it in place. */
export interface ReviewMessage {
  channel: string;
  ts: string;
}

export async function findReviewMessage(db: Db, changeRequestId: string): Promise<ReviewMessage | null> {
  const row = await db
    .selectFrom('slack_review_messages')
    .select(['channel', 'ts'])
    .where('change_request_id', '=', changeRequestId)
    .executeTakeFirst();
  return row ?? null;
}

export async function recordReviewMessage(
  db: Db,
  changeRequestId: string,
  message: ReviewMessage,
): Promise<void> {
  await db
    .insertInto('slack_review_messages')
    .values({ change_request_id: changeRequestId, ...message })
    .onConflict((oc) => oc.column('change_request_id').doUpdateSet(message))
    .execute();
}
