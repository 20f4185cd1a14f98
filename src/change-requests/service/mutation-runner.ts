import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../store/database.ts';
import type { ChangeRequest, CommentKind } from '../change-request.ts';
import {
  type ChangeRequestRow,
  loadChangeRequest,
  lockChangeRequest,
  summaryOf,
} from '../change-request-repository.ts';
import { VersionConflictError } from '../errors/version-conflict-error.ts';
import { type IdempotencyRequest, runIdempotently, type StoredResponse } from '../idempotency.ts';
import type { ChangeEvent } from '../notifier.ts';
import type { ChangeRequestState } from '../state-machine.ts';
import type {} from '../tables.ts';
import type {
  ActionContext,
  AuditIntent,
  ChangeRequestServiceOptions,
  Expectation,
  Idempotency,
  Mutation,
} from './service-types.ts';

const SUBJECT = 'change_request';

/** The work of one transition on the locked row; `before` is the whole request as it stood. */
export type TransitionWork<T> = (
  trx: Db,
  row: ChangeRequestRow,
  mutation: Mutation,
  before: ChangeRequest,
) => Promise<T>;

/**
 * How every mutation of a change request runs: one transaction that locks the row, checks what the caller
 * saw (version, revision), runs the transition, bumps the version, writes the audit entry with digests of the
 * whole request before and after, and only after the commit emits the events.
 */
export class MutationRunner {
  constructor(private readonly options: ChangeRequestServiceOptions) {}

  get(id: string, db: Db = this.options.db): Promise<ChangeRequest> {
    return loadChangeRequest(db, id, this.options.approvalPolicy);
  }

  /** Runs `work` on the locked row after the expectation check; returns the request as committed. */
  async mutate(
    ctx: ActionContext | null,
    id: string,
    expected: Expectation,
    work: TransitionWork<void>,
  ): Promise<ChangeRequest> {
    const mutation: Mutation = { events: [] };
    const body = await this.options.db.transaction().execute(async (trx) => {
      const row = await lockChangeRequest(trx, id);
      await checkExpectation(trx, row, expected);
      const before = await this.get(id, trx);
      await work(trx, row, mutation, before);
      return this.finishTransaction(trx, ctx, id, before, mutation);
    });
    await this.afterCommit(ctx, { statusCode: 200, body, replayed: false }, mutation);
    return body;
  }

  /**
   * `mutate` for the actions a client may retry with an Idempotency-Key (`change_request.<action>:<id>`):
   * `work` answers with the status code, and that reply (or its final 4xx refusal) is stored under the key,
   * so a retry gets it back without running `work` (or emitting the events) again.
   */
  async mutateIdempotently(
    ctx: ActionContext,
    id: string,
    action: string,
    expected: Expectation,
    idempotency: Idempotency | null,
    request: Record<string, unknown>,
    work: TransitionWork<{ statusCode: number }>,
  ): Promise<StoredResponse<ChangeRequest>> {
    const mutation: Mutation = { events: [] };
    const result = await runIdempotently(
      this.options.db,
      idempotency && {
        operation: `change_request.${action}:${id}`,
        actorId: ctx.user.id,
        key: idempotency.key,
        request: {
          expectedVersion: expected.version ?? null,
          expectedRevision: expected.revision ?? null,
          ...request,
        },
      },
      async (trx) => {
        const row = await lockChangeRequest(trx, id);
        await checkExpectation(trx, row, expected);
        const before = await this.get(id, trx);
        const { statusCode } = await work(trx, row, mutation, before);
        return { statusCode, body: await this.finishTransaction(trx, ctx, id, before, mutation) };
      },
    );
    await this.afterCommit(ctx, result, mutation);
    return result;
  }

  /**
   * A mutation that may make a new request (create, submit): `work` returns the id of the request it made
   * or changed, with the status code; the reply is stored under the Idempotency-Key like the others.
   */
  async mutateNew(
    ctx: ActionContext,
    idempotency: IdempotencyRequest | null,
    work: (
      trx: Db,
      mutation: Mutation,
    ) => Promise<{ statusCode: number; id: string; before: ChangeRequest | null }>,
  ): Promise<StoredResponse<ChangeRequest>> {
    const mutation: Mutation = { events: [] };
    const result = await runIdempotently(this.options.db, idempotency, async (trx) => {
      const { statusCode, id, before } = await work(trx, mutation);
      return { statusCode, body: await this.finishTransaction(trx, ctx, id, before, mutation) };
    });
    await this.afterCommit(ctx, result, mutation);
    return result;
  }

  /** Increments the version, sets `updated_at`, and whatever else changed. */
  async bump(
    trx: Db,
    row: { id: string },
    changes: {
      state?: ChangeRequestState;
      revision?: number;
      risk_level?: string;
      first_review_at?: Date | null;
      approved_at?: Date | null;
      applied_at?: Date | null;
      closed_at?: Date | null;
      changes_requested_count?: number;
    } = {},
  ): Promise<void> {
    await trx
      .updateTable('change_requests')
      .set({ ...changes, version: sql<number>`version + 1`, updated_at: new Date() })
      .where('id', '=', row.id)
      .execute();
  }

  /** A comment or the reason of a decision, on the revision and version the author saw. */
  async insertComment(
    trx: Db,
    row: ChangeRequestRow,
    author: { id: string | null; name: string },
    kind: CommentKind,
    body: string,
  ): Promise<void> {
    await trx
      .insertInto('change_request_comments')
      .values({
        id: randomUUID(),
        change_request_id: row.id,
        revision: row.revision,
        version: row.version,
        kind,
        author_id: author.id,
        author_name: author.name,
        body,
      })
      .execute();
  }

  /**
   * An audit entry outside a transition (the apply driver's notes): digests of the whole request before and
   * after, as every other entry has.
   */
  async recordAudit(
    trx: Db,
    ctx: ActionContext | null,
    id: string,
    before: ChangeRequest | null,
    audit: AuditIntent,
  ): Promise<void> {
    const after = await this.get(id, trx);
    const actor = audit.actor === undefined ? ctx : audit.actor;
    await this.options.audit.record(
      {
        actor: actor === null ? { id: null, name: 'system' } : { id: actor.user.id, name: actor.user.name },
        action: audit.action,
        subject: { type: SUBJECT, id },
        ...(before === null ? {} : { before }),
        after,
        summary: { from: audit.from, to: audit.to, ...audit.summary },
        requestId: ctx?.requestId,
      },
      trx,
    );
  }

  /** The audit entry the transition asked for, then the request as it now stands. */
  private async finishTransaction(
    trx: Db,
    ctx: ActionContext | null,
    id: string,
    before: ChangeRequest | null,
    mutation: Mutation,
  ): Promise<ChangeRequest> {
    if (mutation.audit !== undefined) await this.recordAudit(trx, ctx, id, before, mutation.audit);
    return this.get(id, trx);
  }

  /** Emits the events of a committed mutation; a replayed idempotent response emits nothing. */
  async afterCommit(
    ctx: ActionContext | null,
    result: StoredResponse<ChangeRequest>,
    mutation: Mutation,
  ): Promise<void> {
    if (result.replayed || mutation.events.length === 0) return;
    const at = new Date().toISOString();
    const summary = summaryOf(result.body);
    const events: ChangeEvent[] = mutation.events.map((e) => ({
      type: e.type,
      at,
      actor: ctx === null || e.system ? null : { id: ctx.user.id, name: ctx.user.name },
      reason: e.reason,
      changeRequest: summary,
    }));
    try {
      this.options.onCommitted?.(events, result.body, mutation.firstReview === true);
    } catch (error) {
      this.options.onEmitError?.(error);
    }
    for (const event of events) await this.options.notifier.emit(event);
  }
}

/**
 * Refuses a mutation on a version or revision that is no longer current, naming what the caller saw and
 * what is current. A caller who sent only the version is told the revision it stood for, when known.
 */
async function checkExpectation(trx: Db, row: ChangeRequestRow, expected: Expectation): Promise<void> {
  const staleVersion = expected.version !== undefined && expected.version !== row.version;
  const staleRevision = expected.revision !== undefined && expected.revision !== row.revision;
  if (!staleVersion && !staleRevision) return;
  const expectedRevision =
    expected.revision ??
    (expected.version === undefined ? null : await revisionAtVersion(trx, row.id, expected.version));
  throw new VersionConflictError(row.id, {
    expectedVersion: expected.version ?? null,
    currentVersion: row.version,
    expectedRevision,
    currentRevision: row.revision,
  });
}

/** The revision that was current at `version` (null when a revision written before 0015 leaves it unknown). */
async function revisionAtVersion(trx: Db, id: string, version: number): Promise<number | null> {
  const revisions = await trx
    .selectFrom('change_request_revisions')
    .select(['revision', 'version'])
    .where('change_request_id', '=', id)
    .orderBy('revision')
    .execute();
  let at: number | null = null;
  for (const r of revisions) {
    if (r.version === null) return null;
    if (r.version <= version) at = r.revision;
  }
  return at;
}
