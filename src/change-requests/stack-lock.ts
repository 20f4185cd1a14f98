import type { Db } from '../store/database.ts';
import { StackLockedError } from './errors/stack-locked-error.ts';
import type {} from './tables.ts';

export interface StackLockHolder {
  stackName: string;
  changeRequestId: string;
  title: string;
  lockedBy: string;
  lockedAt: string;
}

/**
 * Takes the apply lock of `stackName` for `changeRequestId` inside `trx`: a row in stack_locks whose primary
 * key is the stack. Re-entrant for the holder. Another holder gives StackLockedError (409) naming the
 * request and who locked it. On PostgreSQL a concurrent insert waits on the key until the other transaction
 * ends, so two replicas never both hold it.
 */
export async function acquireStackLock(
  trx: Db,
  lock: { stackName: string; changeRequestId: string; userId: string | null; userName: string },
): Promise<void> {
  const inserted = await trx
    .insertInto('stack_locks')
    .values({
      stack_name: lock.stackName,
      change_request_id: lock.changeRequestId,
      locked_by_id: lock.userId,
      locked_by_name: lock.userName,
    })
    .onConflict((oc) => oc.column('stack_name').doNothing())
    .returning('stack_name')
    .executeTakeFirst();
  if (inserted !== undefined) return;
  const holder = await stackLockHolder(trx, lock.stackName);
  if (holder === null) {
    // Released between our insert and the read: the caller retries the whole transaction.
    throw new Error(`stack lock of ${lock.stackName} changed concurrently`);
  }
  if (holder.changeRequestId !== lock.changeRequestId) throw new StackLockedError(lock.stackName, holder);
}

/** Releases whatever lock `changeRequestId` holds (no-op when it holds none). */
export async function releaseStackLock(trx: Db, changeRequestId: string): Promise<void> {
  await trx.deleteFrom('stack_locks').where('change_request_id', '=', changeRequestId).execute();
}

export async function stackLockHolder(db: Db, stackName: string): Promise<StackLockHolder | null> {
  const row = await db
    .selectFrom('stack_locks')
    .innerJoin('change_requests', 'change_requests.id', 'stack_locks.change_request_id')
    .select([
      'stack_locks.stack_name',
      'stack_locks.change_request_id',
      'stack_locks.locked_by_name',
      'stack_locks.locked_at',
      'change_requests.title',
    ])
    .where('stack_locks.stack_name', '=', stackName)
    .executeTakeFirst();
  if (row === undefined) return null;
  return {
    stackName: row.stack_name,
    changeRequestId: row.change_request_id,
    title: row.title,
    lockedBy: row.locked_by_name,
    lockedAt: new Date(row.locked_at).toISOString(),
  };
}
