import { type Kysely, sql } from 'kysely';
import { AppError } from '../errors/app-error.ts';
import type { Database, Db } from '../store/database.ts';
import { canonicalHash } from './canonical-hash.ts';
import { IdempotencyKeyReusedError } from './errors/idempotency-key-reused-error.ts';
import {
  ReplayedProblemError,
  type StoredProblem,
  storedProblemOf,
} from './errors/replayed-problem-error.ts';
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

/** What `withIdempotency` decided inside the transaction: an answer, or a refusal to throw once it committed. */
type IdempotentOutcome<T> = { ok: true; response: StoredResponse<T> } | { ok: false; error: AppError };

/**
 * Whether a refusal is the request's final answer, stored under its key like a success (as Stripe does):
 * a 4xx from our own checks (blocked by findings, self-approval, not found, forbidden). Not stored: 409
 * (the request met a state of that moment: a version, a lock, an apply in progress, which a retry may find
 * gone), 429, 5xx and anything unexpected, so that a retry runs again.
 */
function isFinalRefusal(error: unknown): error is AppError {
  return (
    error instanceof AppError &&
    error.status >= 400 &&
    error.status < 500 &&
    error.status !== 409 &&
    error.status !== 429
  );
}

/**
 * Runs `work` at most once per (operation, actor, key), inside the caller's transaction `trx`.
 * The key row is claimed first: on PostgreSQL a concurrent request with the same key waits on the unique index
 * until the first commits, then replays its stored answer. A different request body with a used key is
 * refused (422). `work` runs under a savepoint: when it is refused with a final 4xx (see `isFinalRefusal`),
 * its writes are rolled back, the refusal is stored under the key and returned as the outcome, for the
 * caller to throw after committing. Any other failure propagates: the transaction rolls back and the key
 * stays free.
 */
async function withIdempotency<T>(
  trx: Db,
  request: IdempotencyRequest | null,
  work: () => Promise<{ statusCode: number; body: T }>,
): Promise<IdempotentOutcome<T>> {
  if (request === null) return { ok: true, response: { ...(await work()), replayed: false } };
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
  const row = trx
    .updateTable('change_request_idempotency')
    .where('operation', '=', request.operation)
    .where('actor_id', '=', request.actorId)
    .where('key', '=', request.key);
  if (claimed === undefined) {
    const existing = await trx
      .selectFrom('change_request_idempotency')
      .select(['request_hash', 'status_code', 'response'])
      .where('operation', '=', request.operation)
      .where('actor_id', '=', request.actorId)
      .where('key', '=', request.key)
      .executeTakeFirstOrThrow();
    if (existing.request_hash !== hash) throw new IdempotencyKeyReusedError(request.key, request.operation);
    if (existing.status_code >= 400) {
      return { ok: false, error: new ReplayedProblemError(existing.response as StoredProblem) };
    }
    return {
      ok: true,
      response: { statusCode: existing.status_code, body: existing.response as T, replayed: true },
    };
  }
  await sql`savepoint idempotent_work`.execute(trx);
  let result: { statusCode: number; body: T };
  try {
    result = await work();
  } catch (error) {
    if (!isFinalRefusal(error)) throw error;
    await sql`rollback to savepoint idempotent_work`.execute(trx);
    await row.set({ status_code: error.status, response: JSON.stringify(storedProblemOf(error)) }).execute();
    return { ok: false, error };
  }
  await sql`release savepoint idempotent_work`.execute(trx);
  await row.set({ status_code: result.statusCode, response: JSON.stringify(result.body) }).execute();
  return { ok: true, response: { ...result, replayed: false } };
}

/**
 * `withIdempotency` in a transaction of its own: commits, then answers or throws the refusal (a replayed one
 * as a `ReplayedProblemError`, the same problem document as the first time).
 */
export async function runIdempotently<T>(
  db: Kysely<Database>,
  request: IdempotencyRequest | null,
  work: (trx: Db) => Promise<{ statusCode: number; body: T }>,
): Promise<StoredResponse<T>> {
  const outcome = await db.transaction().execute((trx) => withIdempotency(trx, request, () => work(trx)));
  if (!outcome.ok) throw outcome.error;
  return outcome.response;
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
