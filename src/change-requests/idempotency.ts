import { sql } from 'kysely';
import type { Db } from '../store/database.ts';
import { canonicalHash } from './canonical-hash.ts';
import { IdempotencyKeyReusedError } from './errors/idempotency-key-reused-error.ts';
import type {} from './tables.ts';

export interface IdempotencyRequest {
  /** The operation (`create`, `approve:<id>`, `apply:<id>`): a key is scoped to one operation and one actor. */
  operation: string;
  actorId: string;
  key: string;
  /** What identifies the request: its parameters and body. */
  request: unknown;
}

export interface StoredResponse<T> {
  statusCode: number;
  body: T;
  /** True when this is the response of an earlier request with the same key. */
  replayed: boolean;
}

/**
 * Runs `work` at most once per (operation, actor, key), inside the caller's transaction `trx`.
 * The key row is claimed first: on PostgreSQL a concurrent request with the same key waits on the unique index
 * until the first commits, then replays its stored response. A different request body with a used key is
 * refused (422). When `work` throws, the transaction rolls back and the key stays free.
 */
export async function withIdempotency<T>(
  trx: Db,
  request: IdempotencyRequest | null,
  work: () => Promise<{ statusCode: number; body: T }>,
): Promise<StoredResponse<T>> {
  if (request === null) return { ...(await work()), replayed: false };
  const hash = canonicalHash(request.request);
  const claimed = await trx
    .insertInto('change_request_idempotency')
    .values({
      operation: request.operation,
      actor_id: request.actorId,
      key: request.key,
      request_hash: hash,
      status_code: 0,
      response: 'null',
    })
    .onConflict((oc) => oc.columns(['operation', 'actor_id', 'key']).doNothing())
    .returning('key')
    .executeTakeFirst();
  if (claimed === undefined) {
    const existing = await trx
      .selectFrom('change_request_idempotency')
      .select(['request_hash', 'status_code', 'response'])
      .where('operation', '=', request.operation)
      .where('actor_id', '=', request.actorId)
      .where('key', '=', request.key)
      .executeTakeFirstOrThrow();
    if (existing.request_hash !== hash) throw new IdempotencyKeyReusedError(request.key, request.operation);
    return { statusCode: existing.status_code, body: existing.response as T, replayed: true };
  }
  const result = await work();
  await trx
    .updateTable('change_request_idempotency')
    .set({ status_code: result.statusCode, response: JSON.stringify(result.body) })
    .where('operation', '=', request.operation)
    .where('actor_id', '=', request.actorId)
    .where('key', '=', request.key)
    .execute();
  return { ...result, replayed: false };
}

/** How long a key is remembered: a retry after this is a new request (as with most payment APIs). */
const IDEMPOTENCY_RETENTION_HOURS = 24;

/** Forgets keys older than the retention; returns how many. */
export async function pruneIdempotencyKeys(db: Db): Promise<number> {
  const result = await db
    .deleteFrom('change_request_idempotency')
    .where('created_at', '<', sql<Date>`now() - ${`${IDEMPOTENCY_RETENTION_HOURS} hours`}::interval`)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
