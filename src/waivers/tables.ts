import type { Generated } from 'kysely';

export interface WaiversTable {
  id: string;
  rule_id: string;
  scope_team: string | null;
  scope_environment: string | null;
  scope_component: string | null;
  scope_resource: string | null;
  scope_fingerprint: string | null;
  reason: string;
  owner: string;
  expires_at: Date;
  created_at: Generated<Date>;
  created_by_id: string | null;
  created_by_name: string;
  revoked_at: Date | null;
  revoked_by_name: string | null;
  revoke_reason: string | null;
}

declare module '../store/database.ts' {
  interface Database {
    waivers: WaiversTable;
  }
}
