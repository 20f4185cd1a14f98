import type { Db } from '../store/database.ts';
import type {} from './tables.ts';

/**
 * Records that a Slack delivery (an event id, a command's trigger id, an interaction) is being handled.
 * False when it was already claimed: Slack's retries (X-Slack-Retry-Num) and duplicate deliveries are then
 * acknowledged without doing the work twice. The claim lives in the store, so it holds across restarts and
 * replicas.
 */
export async function claimDelivery(
  db: Db,
  key: string,
  kind: 'event' | 'command' | 'interaction',
): Promise<boolean> {
  const inserted = await db
    .insertInto('slack_deliveries')
    .values({ key, kind })
    .onConflict((oc) => oc.column('key').doNothing())
    .returning('key')
    .executeTakeFirst();
  return inserted !== undefined;
}
