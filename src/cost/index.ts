export type { CostAssumption, CostEstimate, PricedResource, UnpricedResource } from './cost-estimate.ts';
export { estimateCost, UNATTRIBUTED } from './estimate-cost.ts';
export { formatUsd } from './format-usd.ts';
export { PRICE_TABLE, type PriceTable, type RegionPrices } from './price-table.ts';
