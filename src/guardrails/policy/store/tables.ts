import type { Generated } from 'kysely';

export interface PolicyVersionsTable {
  version: number;
  body: string;
  digest: string;
  message: string;
  author_id: string | null;
  author_name: string;
  restored_from: number | null;
  created_at: Generated<Date>;
}

declare module '../../../store/database.ts' {
  interface Database {
    policy_versions: PolicyVersionsTable;
  }
}
