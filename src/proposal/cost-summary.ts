import type { CostEstimate } from '../cost/cost-estimate.ts';
import { estimateCost } from '../cost/estimate-cost.ts';
import type { CfnTemplate } from '../knowledge/cfn.ts';
import type { Architecture } from '../model/architecture.ts';

/** The monthly cost estimate a proposal shows (USD). */
export type CostSummary = {
  currency: 'USD';
  monthlyTotal: number;
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
      monthlyTotal: estimate.total,
      byComponent: estimate.byComponent,
      detail: estimate,
    };
  } catch {
    return null;
  }
}
