/**
 * Users, roles, teams and API tokens. Every method reads the store (no in-process cache), so a change made
 * through one replica is seen by every other at once. Methods accept an optional transaction.
 */
import { randomUUID } from 'node:crypto';
import { type Kysely, type Selectable, sql } from 'kysely';
import { NotFoundError } from '../http/errors/not-found-error.ts';
import type { Database, Db } from '../store/database.ts';
import { type AuthUser, ROLES, type Role } from './roles.ts';
import type { ApiTokensTable, UsersTable } from './tables.ts';
import { generateToken, hashToken } from './token.ts';
import { UserExistsError } from './user-exists-error.ts';

export interface UserView {
  id: string;
  name: string;
  displayName: string | null;
  roles: Role[];
  teams: string[];
  createdAt: string;
  disabled: boolean;
}

export interface TokenView {
  id: string;
  userId: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface IssuedToken extends TokenView {
  /** The bearer token; shown once, never stored. */
  token: string;
}

export interface NewUser {
  name: string;
  displayName?: string | undefined;
  roles?: Role[] | undefined;
  teams?: string[] | undefined;
}

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());
const roleOrder = (roles: string[]): Role[] => ROLES.filter((r) => roles.includes(r));

/** `user_id` → the values of its rows, in row order. */
function groupBy<R extends { user_id: string }>(rows: R[], value: (row: R) => string): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const row of rows) {
    const group = groups.get(row.user_id);
    if (group) group.push(value(row));
    else groups.set(row.user_id, [value(row)]);
  }
  return groups;
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}

export class IdentityService {
  constructor(private readonly db: Kysely<Database>) {}

  async createUser(input: NewUser, db: Db = this.db): Promise<UserView> {
    const id = randomUUID();
    try {
      await db
        .insertInto('users')
        .values({ id, name: input.name, display_name: input.displayName ?? null })
        .execute();
    } catch (error) {
      if (isUniqueViolation(error)) throw new UserExistsError(input.name);
      throw error;
    }
    await this.setRoles(id, input.roles ?? [], db);
    await this.setTeams(id, input.teams ?? [], db);
    return this.requireUser(id, db);
  }

  async setRoles(userId: string, roles: readonly Role[], db: Db = this.db): Promise<void> {
    await db.deleteFrom('user_roles').where('user_id', '=', userId).execute();
    const unique = [...new Set(roles)];
    if (unique.length > 0)
      await db
        .insertInto('user_roles')
        .values(unique.map((role) => ({ user_id: userId, role })))
        .execute();
  }

  async setTeams(userId: string, teams: readonly string[], db: Db = this.db): Promise<void> {
    const unique = [...new Set(teams)].sort();
    if (unique.length > 0)
      await db
        .insertInto('teams')
        .values(unique.map((name) => ({ name })))
        .onConflict((oc) => oc.column('name').doNothing())
        .execute();
    await db.deleteFrom('user_teams').where('user_id', '=', userId).execute();
    if (unique.length > 0)
      await db
        .insertInto('user_teams')
        .values(unique.map((team) => ({ user_id: userId, team })))
        .execute();
  }

  async setDisabled(userId: string, disabled: boolean, db: Db = this.db): Promise<void> {
    await db
      .updateTable('users')
      .set({ disabled_at: disabled ? new Date() : null })
      .where('id', '=', userId)
      .execute();
  }

  async getUser(id: string, db: Db = this.db): Promise<UserView | undefined> {
    const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return row && (await this.toUserViews([row], db))[0];
  }

  async requireUser(id: string, db: Db = this.db): Promise<UserView> {
    const user = await this.getUser(id, db);
    if (!user) throw new NotFoundError(`No user ${id}.`);
    return user;
  }

  async findUserByName(name: string, db: Db = this.db): Promise<UserView | undefined> {
    const row = await db.selectFrom('users').selectAll().where('name', '=', name).executeTakeFirst();
    return row && (await this.toUserViews([row], db))[0];
  }

  async listUsers(db: Db = this.db): Promise<UserView[]> {
    const rows = await db.selectFrom('users').selectAll().orderBy('name').execute();
    return this.toUserViews(rows, db);
  }

  /** Views of these users, in their order: two queries for all their roles and teams, however many users. */
  private async toUserViews(rows: Selectable<UsersTable>[], db: Db): Promise<UserView[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((row) => row.id);
    const [roles, teams] = await Promise.all([
      db.selectFrom('user_roles').select(['user_id', 'role']).where('user_id', 'in', ids).execute(),
      db
        .selectFrom('user_teams')
        .select(['user_id', 'team'])
        .where('user_id', 'in', ids)
        .orderBy('team')
        .execute(),
    ]);
    const rolesOf = groupBy(roles, (r) => r.role);
    const teamsOf = groupBy(teams, (t) => t.team);
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      displayName: row.display_name,
      roles: roleOrder(rolesOf.get(row.id) ?? []),
      teams: teamsOf.get(row.id) ?? [],
      createdAt: iso(row.created_at) ?? '',
      disabled: row.disabled_at !== null,
    }));
  }

  async countUsers(db: Db = this.db): Promise<number> {
    const row = await db
      .selectFrom('users')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Issues a new token for the user; the returned `token` is the only time it is visible. */
  async issueToken(
    userId: string,
    name: string,
    db: Db = this.db,
    token: string = generateToken(),
  ): Promise<IssuedToken> {
    await this.requireUser(userId, db);
    const id = randomUUID();
    const prefix = token.slice(0, 8);
    await db
      .insertInto('api_tokens')
      .values({ id, user_id: userId, name, token_hash: hashToken(token), prefix })
      .execute();
    const view = await this.getToken(id, db);
    if (!view) throw new NotFoundError(`No token ${id}.`);
    return { ...view, token };
  }

  async getToken(id: string, db: Db = this.db): Promise<TokenView | undefined> {
    const row = await db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toTokenView(row) : undefined;
  }

  async listTokens(userId: string, db: Db = this.db): Promise<TokenView[]> {
    const rows = await db
      .selectFrom('api_tokens')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(toTokenView);
  }

  /** Revokes a token; returns the token as it was before, or undefined when there is no such token. */
  async revokeToken(id: string, db: Db = this.db): Promise<TokenView | undefined> {
    const before = await this.getToken(id, db);
    if (!before) return undefined;
    await db
      .updateTable('api_tokens')
      .set({ revoked_at: new Date() })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .execute();
    return before;
  }

  /**
   * The user a bearer token belongs to, or null (unknown, revoked, or disabled user). Records last use, at
   * most once a minute per token so a busy client does not turn every read into a write.
   */
  async authenticate(token: string, db: Db = this.db): Promise<AuthUser | null> {
    // one round trip for token, user, roles and teams (this runs on every authenticated request)
    const row = await db
      .selectFrom('api_tokens as t')
      .innerJoin('users as u', 'u.id', 't.user_id')
      .select(['t.id as token_id', 't.last_used_at', 'u.id', 'u.name'])
      .select([
        sql<string[] | null>`(select json_agg(r.role) from user_roles r where r.user_id = u.id)`.as('roles'),
        sql<
          string[] | null
        >`(select json_agg(m.team order by m.team) from user_teams m where m.user_id = u.id)`.as('teams'),
      ])
      .where('t.token_hash', '=', hashToken(token))
      .where('t.revoked_at', 'is', null)
      .where('u.disabled_at', 'is', null)
      .executeTakeFirst();
    if (!row) return null;
    const last = row.last_used_at ? new Date(row.last_used_at).getTime() : 0;
    if (Date.now() - last > 60_000)
      await db
        .updateTable('api_tokens')
        .set({ last_used_at: new Date() })
        .where('id', '=', row.token_id)
        .execute();
    return { id: row.id, name: row.name, roles: roleOrder(row.roles ?? []), teams: row.teams ?? [] };
  }

  /**
   * Makes sure an admin holding exactly `token` exists (COPILOT_ADMIN_TOKEN, the bootstrap file): reuses the
   * token's user (granting admin) or creates user `name` (or reuses it) with the token. Idempotent.
   */
  async ensureAdminToken(token: string, name = 'admin', db: Db = this.db): Promise<UserView> {
    const existing = await db
      .selectFrom('api_tokens')
      .select(['id', 'user_id', 'revoked_at'])
      .where('token_hash', '=', hashToken(token))
      .executeTakeFirst();
    if (existing) {
      const user = await this.requireUser(existing.user_id, db);
      if (!user.roles.includes('admin')) await this.setRoles(user.id, [...user.roles, 'admin'], db);
      if (existing.revoked_at !== null)
        await db.updateTable('api_tokens').set({ revoked_at: null }).where('id', '=', existing.id).execute();
      return this.requireUser(user.id, db);
    }
    const user =
      (await this.findUserByName(name, db)) ?? (await this.createUser({ name, roles: ['admin'] }, db));
    if (!user.roles.includes('admin')) await this.setRoles(user.id, [...user.roles, 'admin'], db);
    await this.issueToken(user.id, 'bootstrap', db, token);
    return this.requireUser(user.id, db);
  }
}

function toTokenView(row: Selectable<ApiTokensTable>): TokenView {
  return {
    id: row.id,
    userId: row.user_id,
    name: row.name,
    prefix: row.prefix,
    createdAt: iso(row.created_at) ?? '',
    lastUsedAt: iso(row.last_used_at),
    revokedAt: iso(row.revoked_at),
  };
}
