import { sql } from 'kysely';
import type { Db } from '../../store/database.ts';
import type { ChangeRequestRow } from '../change-request-repository.ts';
import type { OpenChangeRequestRef } from '../errors/open-change-request-error.ts';
import { TERMINAL_STATES } from '../state-machine.ts';
import type {} from '../tables.ts';

/**
 * Serialises everything that opens a change request for `stackName` until the caller's transaction ends
 * (a transaction-level advisory lock: two replicas submitting for one stack take turns, and the second sees
 * the first one's request).
 */
export async function lockStackRequests(trx: Db, stackName: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`change_request_stack:${stackName}`}))`.execute(trx);
}

/** The stack's open change request (any state but rejected, applied and closed), or null. */
export async function openRequestOf(trx: Db, stackName: string): Promise<ChangeRequestRow | null> {
  const row = await trx
    .selectFrom('change_requests')
    .selectAll()
    .where('stack_name', '=', stackName)
    .where('state', 'not in', [...TERMINAL_STATES])
    .orderBy('created_at')
    .limit(1)
    .executeTakeFirst();
  return row ?? null;
}

export function openRef(row: ChangeRequestRow): OpenChangeRequestRef {
  return {
    id: row.id,
    title: row.title,
    state: row.state,
    revision: row.revision,
    version: row.version,
    authorName: row.author_name,
  };
}
