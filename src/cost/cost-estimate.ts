/** A monthly cost estimate: per resource, per component and in total, with what it assumed. */
export interface PricedResource {
  logicalId: string;
  type: string;
  component: string;
  monthly: number;
  /** How the number was computed, in plain words with the quantities and unit prices. */
  basis: string;
}

export interface UnpricedResource {
  logicalId: string;
  type: string;
  component: string;
  reason: string;
}

export interface CostAssumption {
  /** The component the assumption is about, or null for estimate-wide assumptions. */
  component: string | null;
  /** The component param that sets it (override it to change the estimate). */
  param: string | null;
  value: number | string | boolean | null;
  /** Whether the value is the kind's default (not set on the component). */
  isDefault: boolean;
  text: string;
}

export interface CostEstimate {
  currency: 'USD';
  /**
   * The sum of the priced resources. When `unpriced` is not empty this is only a lower bound: the cost is
   * unknown (`complete: false`), and every consumer says so instead of showing this number as the cost.
   */
  total: number;
  /** True when every resource has a price (or is free, or excluded by a stated usage assumption). */
  complete: boolean;
  byComponent: Record<string, number>;
  resources: PricedResource[];
  /** Resources the price table has no price for (type, class or size): never counted as zero. */
  unpriced: UnpricedResource[];
  /**
   * Resources whose cost depends only on a volume nobody can know in advance (log ingestion, archived events):
   * left out of the total by a stated assumption, listed so a reviewer sees them.
   */
  notEstimated: UnpricedResource[];
  assumptions: CostAssumption[];
  priceTable: { version: string; source: string; date: string; region: string };
}
