import type { ColumnType, Generated } from 'kysely';

export interface UsersTable {
  id: string;
  name: string;
  display_name: string | null;
  created_at: ColumnType<Date, never, never>;
  disabled_at: Date | null;
}

export interface UserRolesTable {
  user_id: string;
  role: string;
}

export interface TeamsTable {
  name: string;
  created_at: ColumnType<Date, never, never>;
}

export interface UserTeamsTable {
  user_id: string;
  team: string;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  prefix: string;
  created_at: Generated<Date>;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

declare module '../store/database.ts' {
  interface Database {
    users: UsersTable;
    user_roles: UserRolesTable;
    teams: TeamsTable;
    user_teams: UserTeamsTable;
    api_tokens: ApiTokensTable;
  }
}
