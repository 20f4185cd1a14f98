import type { ColumnType, Generated } from 'kysely';

export interface StacksTable {
  name: string;
  team: string;
  app: string;
  environment: string;
  created_at: Generated<Date>;
  created_by: string;
}

export interface StackBaselinesTable {
  id: string;
  stack_name: string;
  version: number;
  template: ColumnType<Record<string, unknown>, string, never>;
  source: 'applied' | 'imported' | 'aws';
  change_request_id: string | null;
  created_at: Generated<Date>;
  created_by: string;
}

declare module '../store/database.ts' {
  interface Database {
    stacks: StacksTable;
    stack_baselines: StackBaselinesTable;
  }
}
