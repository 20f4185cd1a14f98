/**
 * What a team already runs, priced for the budget rule: the current baseline of each of the team's stacks
 * but the one being proposed (the proposal replaces that one, so it is not counted twice).
 */
import type { UnpricedResource } from '../cost/cost-estimate.ts';
import { estimateTemplateCost } from '../cost/estimate-template-cost.ts';
import type { TeamDeployedCost } from '../guardrails/rule.ts';
import { getBaselineVersion, listStacks } from '../stacks/baseline-store.ts';
import type { Db } from '../store/database.ts';
import type {} from '../change-requests/tables.ts';
import type {} from '../stacks/tables.ts';
import type { CostSummary } from './cost-summary.ts';

type StackCost = TeamDeployedCost['stacks'][number];

const listed = (unpriced: readonly UnpricedResource[]): string[] =>
  unpriced.map((r) => `${r.logicalId} (${r.type})`);

/**
 * The team's other deployed stacks with their monthly cost: the figure stored with the change request that
 * applied the baseline when there is one, else an estimate of the baseline template in `region` prices.
 */
export async function teamDeployedCost(
  db: Db,
  team: string,
  stackName: string | null,
  region: string,
): Promise<TeamDeployedCost> {
  const stacks = (await listStacks(db, { team })).filter((s) => s.name !== stackName);
  const priced = await Promise.all(
    stacks.map((s) => (s.baseline === null ? null : stackCost(db, s.name, s.baseline, region))),
  );
  return { stacks: priced.filter((s): s is StackCost => s !== null) };
}

async function stackCost(
  db: Db,
  stackName: string,
  baseline: { version: number; changeRequestId: string | null },
  region: string,
): Promise<StackCost | null> {
  // The applying change request's figure first: it needs no template read.
  if (baseline.changeRequestId !== null) {
    const stored = await storedCost(db, baseline.changeRequestId);
    if (stored !== null) {
      return {
        stackName,
        monthly: stored.pricedTotal ?? stored.monthlyTotal ?? 0,
        unpriced: listed(stored.detail?.unpriced ?? []),
      };
    }
  }
  const template = await getBaselineVersion(db, stackName, baseline.version);
  if (template === null) return null;
  const estimate = estimateTemplateCost(template.template, region);
  return { stackName, monthly: estimate.total, unpriced: listed(estimate.unpriced) };
}

/** The cost the change request that applied a baseline showed for its applied revision, when it had one. */
async function storedCost(
  db: Db,
  changeRequestId: string,
): Promise<(Omit<CostSummary, 'pricedTotal'> & { pricedTotal?: number }) | null> {
  const row = await db
    .selectFrom('change_request_revisions as r')
    .innerJoin('change_requests as c', (join) =>
      join.onRef('c.id', '=', 'r.change_request_id').onRef('c.revision', '=', 'r.revision'),
    )
    .select('r.cost')
    .where('r.change_request_id', '=', changeRequestId)
    .executeTakeFirst();
  // Costs stored before unpriced resources made the total unknown have no pricedTotal.
  const cost = row?.cost as (Omit<CostSummary, 'pricedTotal'> & { pricedTotal?: number }) | null | undefined;
  return cost && (typeof cost.pricedTotal === 'number' || typeof cost.monthlyTotal === 'number')
    ? cost
    : null;
}
