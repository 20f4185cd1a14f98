/**
 * The append-only audit log. `record` writes one entry (pass the transaction that makes the change so the
 * entry commits with it); `list` reads with filters, newest first, paged by `before` (an entry id).
 */
import type { FastifyRequest } from 'fastify';
import type { Kysely, Selectable } from 'kysely';
import type { Database, Db } from '../store/database.ts';
import { digest } from './canonical-json.ts';
import type { AuditLogTable } from './tables.ts';

export interface AuditActor {
  id: string | null;
  name: string;
}

export const SYSTEM_ACTOR: AuditActor = { id: null, name: 'system' };

export interface AuditRecordInput {
  /** Who did it; defaults to `request.user`, else the system actor. */
  actor?: AuditActor | undefined;
  /** Taken for the default actor and the request id. */
  request?: FastifyRequest | undefined;
  /** Dotted verb, e.g. `user.create`, `token.revoke`, `change_request.approve`. */
  action: string;
  subject: { type: string; id: string };
  /** State before/after the change; only their digests (SHA-256 of canonical JSON) are stored. */
  before?: unknown;
  after?: unknown;
  /** A small, secret-free summary shown in the audit read API. */
  summary?: Record<string, unknown> | undefined;
  requestId?: string | undefined;
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: AuditActor;
  action: string;
  subject: { type: string; id: string };
  beforeDigest: string | null;
  afterDigest: string | null;
  summary: Record<string, unknown>;
  requestId: string | null;
}

export interface AuditFilter {
  actorId?: string | undefined;
  action?: string | undefined;
  subjectType?: string | undefined;
  subjectId?: string | undefined;
  since?: Date | undefined;
  until?: Date | undefined;
  /** Only entries with an id lower than this (paging). */
  before?: number | undefined;
  limit?: number | undefined;
}

export class AuditLog {
  constructor(private readonly db: Kysely<Database>) {}

  async record(input: AuditRecordInput, db: Db = this.db): Promise<AuditEntry> {
    const user = input.request?.user;
    const actor = input.actor ?? (user ? { id: user.id, name: user.name } : SYSTEM_ACTOR);
    const row = await db
      .insertInto('audit_log')
      .values({
        actor_id: actor.id,
        actor_name: actor.name,
        action: input.action,
        subject_type: input.subject.type,
        subject_id: input.subject.id,
        before_digest: input.before === undefined ? null : digest(input.before),
        after_digest: input.after === undefined ? null : digest(input.after),
        summary: JSON.stringify(input.summary ?? {}),
        request_id: input.requestId ?? input.request?.id ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toEntry(row);
  }

  async list(filter: AuditFilter = {}, db: Db = this.db): Promise<AuditEntry[]> {
    let query = db.selectFrom('audit_log').selectAll();
    if (filter.actorId) query = query.where('actor_id', '=', filter.actorId);
    if (filter.action) query = query.where('action', '=', filter.action);
    if (filter.subjectType) query = query.where('subject_type', '=', filter.subjectType);
    if (filter.subjectId) query = query.where('subject_id', '=', filter.subjectId);
    if (filter.since) query = query.where('at', '>=', filter.since);
    if (filter.until) query = query.where('at', '<', filter.until);
    if (filter.before !== undefined) query = query.where('id', '<', filter.before);
    const rows = await query
      .orderBy('id', 'desc')
      .limit(Math.min(Math.max(filter.limit ?? 50, 1), 500))
      .execute();
    return rows.map(toEntry);
  }
}

function toEntry(row: Selectable<AuditLogTable>): AuditEntry {
  return {
    id: Number(row.id),
    at: new Date(row.at).toISOString(),
    actor: { id: row.actor_id, name: row.actor_name },
    action: row.action,
    subject: { type: row.subject_type, id: row.subject_id },
    beforeDigest: row.before_digest,
    afterDigest: row.after_digest,
    summary:
      typeof row.summary === 'string' ? (JSON.parse(row.summary) as Record<string, unknown>) : row.summary,
    requestId: row.request_id,
  };
}
