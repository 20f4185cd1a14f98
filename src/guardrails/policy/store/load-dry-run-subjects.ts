import { sql } from 'kysely';
import { type Architecture, ArchitectureSchema } from '../../../model/architecture.ts';
import { teamDeployedCost } from '../../../proposal/team-deployed-cost.ts';
import type { Db } from '../../../store/database.ts';
import type { TeamDeployedCost } from '../../rule.ts';
import type { DryRunSubject } from '../dry-run-policy.ts';

async function columnsOf(db: Db, table: string): Promise<Set<string> | undefined> {
  const exists = await sql<{ t: string | null }>`select to_regclass(${table})::text as t`.execute(db);
  if (!exists.rows[0]?.t) return undefined;
  const cols = await sql<{ column_name: string }>`
    select column_name from information_schema.columns
    where table_schema = current_schema() and table_name = ${table}`.execute(db);
  return new Set(cols.rows.map((r) => r.column_name));
}

/** jsonb columns come back as objects from both PostgreSQL and PGlite. */
function asObject(v: unknown): Record<string, unknown> | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
    ? (v as Record<string, unknown>)
    : undefined;
}

/** The most recent proposals (PLANNER's `proposals` table), when that table exists. */
async function recentProposals(db: Db, limit: number): Promise<DryRunSubject[]> {
  const cols = await columnsOf(db, 'proposals');
  if (!cols?.has('id') || !(cols.has('architecture') || cols.has('template'))) return [];
  const select = ['id', 'architecture', 'template', 'cost', 'stack_name'].filter((c) => cols.has(c));
  const order = cols.has('created_at') ? sql`order by created_at desc, id` : sql`order by id`;
  const rows = await sql<Record<string, unknown>>`
    select ${sql.join(select.map((c) => sql.ref(c)))} from proposals ${order} limit ${limit}`.execute(db);
  const subjects: DryRunSubject[] = [];
  const teamCosts = new Map<string, Promise<TeamDeployedCost>>();
  for (const row of rows.rows) {
    const parsed = ArchitectureSchema.safeParse(asObject(row.architecture));
    const architecture: Architecture | undefined = parsed.success ? parsed.data : undefined;
    const template = asObject(row.template);
    if (!architecture && !template) continue;
    const cost = architecture ? await proposalCost(db, row, architecture, teamCosts) : undefined;
    subjects.push({
      subject: {
        type: 'proposal',
        id: String(row.id),
        ...(architecture ? { label: architecture.name } : {}),
      },
      ...(architecture ? { architecture } : {}),
      ...(template ? { template } : {}),
      team: architecture?.team ?? null,
      environment: architecture?.environment ?? null,
      ...(cost ? { cost } : {}),
    });
  }
  return subjects;
}

/** The stored proposal's monthly cost, with the team's other deployed stacks as the proposal saw them. */
async function proposalCost(
  db: Db,
  row: Record<string, unknown>,
  architecture: Architecture,
  teamCosts: Map<string, Promise<TeamDeployedCost>>,
): Promise<DryRunSubject['cost']> {
  const cost = asObject(row.cost);
  const total = cost?.monthlyTotal;
  const byComponent = asObject(cost?.byComponent);
  if (typeof total !== 'number' || !byComponent) return undefined;
  const stackName = typeof row.stack_name === 'string' ? row.stack_name : null;
  let team: TeamDeployedCost | undefined;
  if (architecture.team !== null) {
    const key = JSON.stringify([architecture.team, stackName, architecture.region]);
    let pending = teamCosts.get(key);
    if (!pending) {
      pending = teamDeployedCost(db, architecture.team, stackName, architecture.region);
      teamCosts.set(key, pending);
    }
    team = await pending;
  }
  return { total, byComponent: byComponent as Record<string, number>, ...(team ? { team } : {}) };
}

/** The current baseline of each stack (DIFF's `stacks` / `stack_baselines`), when those tables exist. */
async function currentBaselines(db: Db, limit: number): Promise<DryRunSubject[]> {
  const cols = await columnsOf(db, 'stack_baselines');
  const stacks = await columnsOf(db, 'stacks');
  if (!cols || !stacks) return [];
  const rows = await sql<{
    stack_name: string;
    version: number;
    template: unknown;
    team: string;
    environment: string;
  }>`
    select b.stack_name, b.version, b.template, s.team, s.environment
    from stack_baselines b join stacks s on s.name = b.stack_name
    where b.version = (select max(version) from stack_baselines x where x.stack_name = b.stack_name)
    order by b.created_at desc, b.stack_name
    limit ${limit}`.execute(db);
  return rows.rows.flatMap((row) => {
    const template = asObject(row.template);
    return template
      ? [
          {
            subject: {
              type: 'baseline' as const,
              id: `${row.stack_name}@${row.version}`,
              label: row.stack_name,
            },
            template,
            team: row.team,
            environment: row.environment,
          },
        ]
      : [];
  });
}

/**
 * What a policy dry-run re-checks: recent proposals and the current stack baselines. Tables owned by other
 * modules are read only when they exist, so the dry-run works whatever is installed.
 */
export async function loadDryRunSubjects(
  db: Db,
  limits: { proposals?: number; baselines?: number } = {},
): Promise<DryRunSubject[]> {
  const [proposals, baselines] = await Promise.all([
    recentProposals(db, limits.proposals ?? 50),
    currentBaselines(db, limits.baselines ?? 100),
  ]);
  return [...proposals, ...baselines];
}
