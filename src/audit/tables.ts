import type { ColumnType, Generated } from 'kysely';

export interface AuditLogTable {
  id: Generated<number>;
  at: Generated<Date>;
  actor_id: string | null;
  actor_name: string;
  action: string;
  subject_type: string;
  subject_id: string;
  before_digest: string | null;
  after_digest: string | null;
  summary: ColumnType<Record<string, unknown>, string, never>;
  request_id: string | null;
}

declare module '../store/database.ts' {
  interface Database {
    audit_log: AuditLogTable;
  }
}
