import type { CostEstimate } from '../cost/cost-estimate.ts';
import { estimateCost } from '../cost/estimate-cost.ts';
import type { CfnTemplate } from '../knowledge/cfn.ts';
import type { Architecture } from '../model/architecture.ts';

/** The monthly cost estimate a proposal shows (USD). */
export type CostSummary = {
  currency: 'USD';
  /** Null when a resource has no price: the cost is unknown (see `unpriced`), never the lower priced sum. */
  monthlyTotal: number | null;
  /** The sum of what could be priced: the whole cost when `unpriced` is empty, a lower bound otherwise. */
  pricedTotal: number;
  /** `LogicalId (Type): reason` of each resource without a price. */
  unpriced: string[];
  byComponent: Record<string, number>;
  /** The cost model's estimate as it computed it: resources, unpriced resources, assumptions, price table. */
  detail: CostEstimate;
};

/** The cost of an architecture and its template; null when the cost model cannot price it. */
export function summarizeCost(architecture: Architecture, template: CfnTemplate): CostSummary | null {
  try {
    const estimate = estimateCost(architecture, template);
    return {
      currency: 'USD',
      monthlyTotal: estimate.complete ? estimate.total : null,
      pricedTotal: estimate.total,
      unpriced: estimate.unpriced.map((u) => `${u.logicalId} (${u.type}): ${u.reason}`),
      byComponent: estimate.byComponent,
      detail: estimate,
    };
  } catch {
    return null;
  }
}

/**
 * The monthly cost as people read it: `$427.03/month`, or, when something has no price, `unknown (no price
 * for OrdersDb (AWS::RDS::DBInstance): …)`: never the lower sum of what could be priced.
 */
export function costText(
  cost: Pick<CostSummary, 'monthlyTotal' | 'unpriced'>,
  format: (usd: number) => string,
): string {
  if (cost.monthlyTotal !== null) return `${format(cost.monthlyTotal)}/month`;
  const shown = cost.unpriced.slice(0, 3).join('; ');
  const more = cost.unpriced.length > 3 ? `; and ${cost.unpriced.length - 3} more` : '';
  return `unknown (no price for ${shown}${more})`;
}
