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
  total: number;
  byComponent: Record<string, number>;
  resources: PricedResource[];
  unpriced: UnpricedResource[];
  assumptions: CostAssumption[];
  priceTable: { version: string; source: string; date: string; region: string };
}
