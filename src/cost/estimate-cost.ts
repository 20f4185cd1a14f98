import type { CfnTemplate } from '../knowledge/cfn.ts';
import { kindDefinition } from '../knowledge/kinds/index.ts';
import { type ParamSpec, type ResolvedParams, resolveParams } from '../knowledge/params.ts';
import type { Architecture, Component } from '../model/architecture.ts';
import type { CostAssumption, CostEstimate, PricedResource, UnpricedResource } from './cost-estimate.ts';
import { PRICE_TABLE, type PriceTable } from './price-table.ts';
import { FREE_TYPES, PRICERS } from './resource-pricers.ts';

/** The component reported for resources without `copilot:component` metadata. */
export const UNATTRIBUTED = '(unattributed)';

/** A component with its kind's param specs and its params resolved for the environment (done once). */
interface ResolvedComponent {
  component: Component;
  specs: readonly ParamSpec[];
  params: ResolvedParams;
}

const round = (value: number, digits: number): number => {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
};

/**
 * Estimate the monthly on-demand cost of a template expanded from an architecture: each resource priced
 * from the committed price table and its component's params (usage assumptions are params too, so they
 * can be overridden); resources without a price are listed as unpriced, never counted as zero: the estimate
 * is then incomplete and its total only a lower bound.
 */
export function estimateCost(
  architecture: Architecture,
  template: CfnTemplate,
  table: PriceTable = PRICE_TABLE,
): CostEstimate {
  const environment = architecture.environment ?? 'dev';
  const known = table.regions[architecture.region];
  const region = known ? architecture.region : 'us-east-1';
  const prices = table.regions[region]!;
  const resolved: ResolvedComponent[] = architecture.components.map((component) => {
    const specs = kindDefinition(component.kind).params;
    return { component, specs, params: resolveParams(specs, component.params, environment) };
  });
  const params = new Map<string, ResolvedParams>(resolved.map((r) => [r.component.id, r.params]));
  const resources: PricedResource[] = [];
  const unpriced: UnpricedResource[] = [];
  const notEstimated: UnpricedResource[] = [];
  const byComponent: Record<string, number> = {};
  for (const component of [...architecture.components].map((c) => c.id).sort()) byComponent[component] = 0;
  for (const logicalId of Object.keys(template.Resources).sort()) {
    const resource = template.Resources[logicalId]!;
    // Resources added outside the knowledge base (a guardrail fix, a hand edit) carry no component.
    const component = resource.Metadata?.['copilot:component'] ?? UNATTRIBUTED;
    const role = resource.Metadata?.['copilot:role'] ?? '';
    const pricer = PRICERS[resource.Type];
    if (!pricer) {
      const free = FREE_TYPES[resource.Type];
      if (free === undefined) {
        unpriced.push({
          logicalId,
          type: resource.Type,
          component,
          reason: 'no price for this resource type in the price table',
        });
      } else {
        resources.push({
          logicalId,
          type: resource.Type,
          component,
          monthly: 0,
          basis: `no charge: ${free}`,
        });
      }
      continue;
    }
    const result = pricer({
      properties: (resource.Properties ?? {}) as Record<string, unknown>,
      role,
      params: params.get(component) ?? {},
      prices,
      hours: table.hoursPerMonth,
    });
    if ('unpriced' in result) {
      unpriced.push({ logicalId, type: resource.Type, component, reason: result.unpriced });
      continue;
    }
    if ('notEstimated' in result) {
      notEstimated.push({ logicalId, type: resource.Type, component, reason: result.notEstimated });
      continue;
    }
    if (!Number.isFinite(result.monthly)) {
      unpriced.push({
        logicalId,
        type: resource.Type,
        component,
        reason: `a usage assumption is missing (${result.basis})`,
      });
      continue;
    }
    const monthly = round(result.monthly, 4);
    resources.push({ logicalId, type: resource.Type, component, monthly, basis: result.basis });
    byComponent[component] = (byComponent[component] ?? 0) + monthly;
  }
  for (const key of Object.keys(byComponent)) byComponent[key] = round(byComponent[key]!, 2);
  const total = round(
    resources.reduce((sum, r) => sum + r.monthly, 0),
    2,
  );
  return {
    currency: 'USD',
    total,
    complete: unpriced.length === 0,
    byComponent,
    resources,
    unpriced,
    notEstimated,
    assumptions: assumptions(architecture, resolved, region, table),
    priceTable: { version: table.version, source: table.source, date: table.date, region },
  };
}

function assumptions(
  architecture: Architecture,
  components: readonly ResolvedComponent[],
  region: string,
  table: PriceTable,
): CostAssumption[] {
  const out: CostAssumption[] = [
    {
      component: null,
      param: null,
      value: table.hoursPerMonth,
      isDefault: true,
      text: `${table.hoursPerMonth} hours per month; on-demand list prices; no free tier, savings plans or reserved capacity; data transfer out of AWS and log volume not included unless stated`,
    },
  ];
  if (region !== architecture.region) {
    out.push({
      component: null,
      param: null,
      value: region,
      isDefault: true,
      text: `no prices for ${architecture.region} in table ${table.version}; ${region} prices used`,
    });
  }
  const sorted = [...components].sort((a, b) => a.component.id.localeCompare(b.component.id));
  for (const { component, specs, params: resolved } of sorted) {
    for (const spec of specs) {
      if (!spec.usage) continue;
      const value = resolved[spec.name] ?? null;
      out.push({
        component: component.id,
        param: spec.name,
        value: Array.isArray(value) ? value.join(',') : value,
        isDefault: component.params[spec.name] === undefined || component.params[spec.name] === null,
        text: `${component.id}: ${typeof value === 'number' ? value.toLocaleString('en-US') : String(value)}${spec.unit ? ` ${spec.unit}` : ''} (${spec.name})`,
      });
    }
  }
  return out;
}
