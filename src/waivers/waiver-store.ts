import type { Selectable } from 'kysely';
import type { Waiver, WaiverScope } from '../guardrails/policy-contract.ts';
import type { Db } from '../store/database.ts';
import type { WaiversTable } from './tables.ts';
import type { CreateWaiverInput } from './waiver-input.ts';
import { type WaiverState, type WaiverView, waiverState } from './waiver-view.ts';

function iso(d: Date | string): string {
  return new Date(d).toISOString();
}

function scopeOf(row: Selectable<WaiversTable>): WaiverScope {
  const scope: WaiverScope = {};
  if (row.scope_team !== null) scope.team = row.scope_team;
  if (row.scope_environment !== null) scope.environment = row.scope_environment;
  if (row.scope_component !== null) scope.component = row.scope_component;
  if (row.scope_resource !== null) scope.resource = row.scope_resource;
  if (row.scope_fingerprint !== null) scope.fingerprint = row.scope_fingerprint;
  return scope;
}

function toWaiver(row: Selectable<WaiversTable>): Waiver {
  return {
    id: row.id,
    ruleId: row.rule_id,
    scope: scopeOf(row),
    reason: row.reason,
    owner: row.owner,
    expiresAt: iso(row.expires_at),
    createdAt: iso(row.created_at),
    revokedAt: row.revoked_at === null ? null : iso(row.revoked_at),
  };
}

export function toWaiverView(row: Selectable<WaiversTable>, now: Date): WaiverView {
  const waiver = toWaiver(row);
  return {
    ...waiver,
    state: waiverState(waiver, now),
    createdBy: { id: row.created_by_id, name: row.created_by_name },
    revokedBy: row.revoked_by_name,
    revokeReason: row.revoke_reason,
  };
}

export async function insertWaiver(
  db: Db,
  input: CreateWaiverInput,
  by: { id: string | null; name: string },
  now: Date,
): Promise<WaiverView> {
  const row = await db
    .insertInto('waivers')
    .values({
      id: crypto.randomUUID(),
      rule_id: input.ruleId,
      scope_team: input.scope.team ?? null,
      scope_environment: input.scope.environment ?? null,
      scope_component: input.scope.component ?? null,
      scope_resource: input.scope.resource ?? null,
      scope_fingerprint: input.scope.fingerprint ?? null,
      reason: input.reason,
      owner: input.owner,
      expires_at: new Date(input.expiresAt),
      created_at: now,
      created_by_id: by.id,
      created_by_name: by.name,
      revoked_at: null,
      revoked_by_name: null,
      revoke_reason: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toWaiverView(row, now);
}

export async function findWaiver(db: Db, id: string, now: Date): Promise<WaiverView | undefined> {
  const row = await db.selectFrom('waivers').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toWaiverView(row, now) : undefined;
}

export interface WaiverFilter {
  state?: WaiverState | undefined;
  ruleId?: string | undefined;
  team?: string | undefined;
  limit?: number | undefined;
}

/** Waivers newest first, filtered by state (at `now`), rule and scope team. */
export async function listWaivers(db: Db, filter: WaiverFilter, now: Date): Promise<WaiverView[]> {
  let query = db
    .selectFrom('waivers')
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(filter.limit ?? 100);
  if (filter.ruleId) query = query.where('rule_id', '=', filter.ruleId);
  if (filter.team) query = query.where('scope_team', '=', filter.team);
  if (filter.state === 'active') query = query.where('revoked_at', 'is', null).where('expires_at', '>', now);
  if (filter.state === 'expired')
    query = query.where('revoked_at', 'is', null).where('expires_at', '<=', now);
  if (filter.state === 'revoked') query = query.where('revoked_at', 'is not', null);
  return (await query.execute()).map((row) => toWaiverView(row, now));
}

export async function markWaiverRevoked(
  db: Db,
  id: string,
  by: string,
  reason: string | null,
  now: Date,
): Promise<WaiverView | undefined> {
  const row = await db
    .updateTable('waivers')
    .set({ revoked_at: now, revoked_by_name: by, revoke_reason: reason })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
  return row ? toWaiverView(row, now) : undefined;
}

/** The waivers in force at `now` (not revoked, not expired), ordered by id: what the engine applies. */
export async function listActiveWaivers(db: Db, now: Date = new Date()): Promise<Waiver[]> {
  const rows = await db
    .selectFrom('waivers')
    .selectAll()
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('id')
    .execute();
  return rows.map(toWaiver);
}
