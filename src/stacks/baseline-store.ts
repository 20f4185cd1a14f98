/**
 * Stacks and their baselines in the store. Every function takes a `Db` (the app's Kysely or an open
 * transaction), so callers move a baseline in the same transaction as the change that justifies it.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../store/database.ts';
import { BaselineConflictError } from './baseline-conflict-error.ts';
import { StackExistsError } from './stack-exists-error.ts';
import { assertStackName, type StackKey, stackIdentityOf } from './stack-name.ts';
import { StackNotFoundError } from './stack-not-found-error.ts';
import type {} from './tables.ts';

export type BaselineSource = 'applied' | 'imported' | 'aws';

export interface StackRecord {
  name: string;
  team: string;
  app: string;
  environment: string;
  createdAt: string;
  createdBy: string;
}

export interface BaselineVersion {
  stackName: string;
  version: number;
  source: BaselineSource;
  changeRequestId: string | null;
  createdAt: string;
  createdBy: string;
}

export interface Baseline extends BaselineVersion {
  template: Record<string, unknown>;
}

export interface StackSummary extends StackRecord {
  /** The current baseline's version and source (and the change request that applied it), null when none yet. */
  baseline: {
    version: number;
    source: BaselineSource;
    createdAt: string;
    changeRequestId: string | null;
  } | null;
}

export interface SetBaselineInput {
  /** The stack's name (it must exist) or its key (the stack is created when missing). */
  stack: string | StackKey;
  template: Record<string, unknown>;
  source: BaselineSource;
  changeRequestId?: string | null;
  /** Who moved it: a user name, or `system`. */
  createdBy: string;
  /** When given, the current version must be this one (0 for none), else BaselineConflictError (409). */
  expectedVersion?: number;
}

type StackRow = {
  name: string;
  team: string;
  app: string;
  environment: string;
  created_at: Date;
  created_by: string;
};

function toStack(row: StackRow): StackRecord {
  return {
    name: row.name,
    team: row.team,
    app: row.app,
    environment: row.environment,
    createdAt: new Date(row.created_at).toISOString(),
    createdBy: row.created_by,
  };
}

export async function findStack(db: Db, name: string): Promise<StackRecord | null> {
  const row = await db.selectFrom('stacks').selectAll().where('name', '=', name).executeTakeFirst();
  return row ? toStack(row) : null;
}

export async function requireStack(db: Db, name: string): Promise<StackRecord> {
  const stack = await findStack(db, name);
  if (!stack) throw new StackNotFoundError(name);
  return stack;
}

/** Creates the stack; StackExistsError (409) when one with that name exists. */
export async function createStack(db: Db, key: StackKey, createdBy: string): Promise<StackRecord> {
  const { stack, created } = await ensureStack(db, key, createdBy);
  if (!created) throw new StackExistsError(stack.name);
  return stack;
}

/** The stack for a key, created when missing. */
async function ensureStack(
  db: Db,
  key: StackKey,
  createdBy: string,
): Promise<{ stack: StackRecord; created: boolean }> {
  const identity = stackIdentityOf(key);
  const inserted = await db
    .insertInto('stacks')
    .values({ ...identity, created_by: createdBy })
    .onConflict((oc) => oc.doNothing())
    .returningAll()
    .executeTakeFirst();
  if (inserted) return { stack: toStack(inserted), created: true };
  return { stack: await requireStack(db, identity.name), created: false };
}

/** Stacks by name, each with its current baseline version. */
export async function listStacks(
  db: Db,
  filter: { team?: string; environment?: string } = {},
): Promise<StackSummary[]> {
  let query = db
    .selectFrom('stacks as s')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('stack_baselines')
          .select(['stack_name', sql<number>`max(version)::int`.as('version')])
          .groupBy('stack_name')
          .as('latest'),
      (join) => join.onRef('latest.stack_name', '=', 's.name'),
    )
    .leftJoin('stack_baselines as b', (join) =>
      join.onRef('b.stack_name', '=', 's.name').onRef('b.version', '=', 'latest.version'),
    )
    .select([
      's.name',
      's.team',
      's.app',
      's.environment',
      's.created_at',
      's.created_by',
      'b.version as baseline_version',
      'b.source as baseline_source',
      'b.created_at as baseline_created_at',
      'b.change_request_id as baseline_change_request_id',
    ])
    .orderBy('s.name');
  if (filter.team) query = query.where('s.team', '=', filter.team);
  if (filter.environment) query = query.where('s.environment', '=', filter.environment);
  const rows = await query.execute();
  return rows.map((row) => ({
    ...toStack(row),
    baseline:
      row.baseline_version === null || row.baseline_source === null || row.baseline_created_at === null
        ? null
        : {
            version: row.baseline_version,
            source: row.baseline_source,
            createdAt: new Date(row.baseline_created_at).toISOString(),
            changeRequestId: row.baseline_change_request_id,
          },
  }));
}

type BaselineRow = {
  stack_name: string;
  version: number;
  source: BaselineSource;
  change_request_id: string | null;
  created_at: Date;
  created_by: string;
};

function toVersion(row: BaselineRow): BaselineVersion {
  return {
    stackName: row.stack_name,
    version: row.version,
    source: row.source,
    changeRequestId: row.change_request_id,
    createdAt: new Date(row.created_at).toISOString(),
    createdBy: row.created_by,
  };
}

/** The current baseline of a stack (its highest version), or null when it has none or is unknown. */
export async function getBaseline(db: Db, stackName: string): Promise<Baseline | null> {
  const row = await db
    .selectFrom('stack_baselines')
    .selectAll()
    .where('stack_name', '=', stackName)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { ...toVersion(row), template: row.template } : null;
}

/** One version of a stack's baseline, or null. */
export async function getBaselineVersion(
  db: Db,
  stackName: string,
  version: number,
): Promise<Baseline | null> {
  const row = await db
    .selectFrom('stack_baselines')
    .selectAll()
    .where('stack_name', '=', stackName)
    .where('version', '=', version)
    .executeTakeFirst();
  return row ? { ...toVersion(row), template: row.template } : null;
}

/** The version history of a stack's baseline, newest first, without templates. */
export async function listBaselines(db: Db, stackName: string): Promise<BaselineVersion[]> {
  const rows = await db
    .selectFrom('stack_baselines')
    .select(['stack_name', 'version', 'source', 'change_request_id', 'created_at', 'created_by'])
    .where('stack_name', '=', stackName)
    .orderBy('version', 'desc')
    .execute();
  return rows.map(toVersion);
}

/**
 * Records a new baseline version (current + 1). Locks the stack row first, so concurrent moves of one stack
 * serialise instead of failing; with `expectedVersion`, a move based on a stale read fails with
 * BaselineConflictError. Pass the caller's transaction as `db` to move it atomically with the caller's change.
 */
export async function setBaseline(db: Db, input: SetBaselineInput): Promise<Baseline> {
  const stackName =
    typeof input.stack === 'string'
      ? assertStackName(input.stack, 'stack')
      : (await ensureStack(db, input.stack, input.createdBy)).stack.name;
  const locked = await db
    .selectFrom('stacks')
    .select('name')
    .where('name', '=', stackName)
    .forUpdate()
    .executeTakeFirst();
  if (!locked) throw new StackNotFoundError(stackName);
  const current = await db
    .selectFrom('stack_baselines')
    .select(sql<number>`coalesce(max(version), 0)::int`.as('version'))
    .where('stack_name', '=', stackName)
    .executeTakeFirstOrThrow();
  if (input.expectedVersion !== undefined && input.expectedVersion !== current.version) {
    throw new BaselineConflictError(stackName, input.expectedVersion, current.version);
  }
  const row = await db
    .insertInto('stack_baselines')
    .values({
      id: randomUUID(),
      stack_name: stackName,
      version: current.version + 1,
      template: JSON.stringify(input.template),
      source: input.source,
      change_request_id: input.changeRequestId ?? null,
      created_by: input.createdBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { ...toVersion(row), template: row.template };
}
