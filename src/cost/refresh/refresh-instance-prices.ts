/**
 * Rebuilds `src/cost/instance-prices/<region>.json` from the AWS Price List API: for every class of the
 * instance catalog, in every region, the on-demand hourly USD price of the product the service's query picks
 * (the lowest when several match, e.g. Aurora's standard and I/O-optimized storage). A class AWS has no price
 * for stops the refresh with the list, so the table never loses a class silently.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GetProductsCommand, type PricingClient } from '@aws-sdk/client-pricing';
import { parseJson } from '../../json/parse-json.ts';
import { catalogClasses, INSTANCE_SERVICES, type InstanceService } from '../instance-catalog.ts';
import type { RegionInstancePrices } from '../instance-prices.ts';
import { PRICING_QUERIES } from './pricing-queries.ts';

export interface RefreshOptions {
  client: PricingClient;
  regions: readonly string[];
  outDir: string;
  /** The date the files record (today by default). */
  date?: string;
  /** Called after each class, for progress. */
  onPrice?: (region: string, service: InstanceService, cls: string, price: number) => void;
}

export class MissingPricesError extends Error {
  constructor(readonly missing: readonly string[]) {
    super(
      `the AWS Price List API has no on-demand price for ${missing.length} class(es): ${missing.join(', ')}`,
    );
    this.name = 'MissingPricesError';
  }
}

interface PriceListItem {
  terms?: {
    OnDemand?: Record<
      string,
      { priceDimensions?: Record<string, { unit?: string; pricePerUnit?: { USD?: string } }> }
    >;
  };
}

/** The lowest on-demand hourly USD price in a GetProducts price list, or null. */
export function lowestHourly(priceList: readonly string[]): number | null {
  let lowest: number | null = null;
  for (const text of priceList) {
    const parsed = parseJson(text);
    if (!parsed.ok) continue;
    const onDemand = (parsed.value as PriceListItem).terms?.OnDemand ?? {};
    for (const term of Object.values(onDemand)) {
      for (const dimension of Object.values(term.priceDimensions ?? {})) {
        const usd = Number(dimension.pricePerUnit?.USD);
        if (!/^hrs?$/i.test(dimension.unit ?? '') || !Number.isFinite(usd) || usd <= 0) continue;
        if (lowest === null || usd < lowest) lowest = usd;
      }
    }
  }
  return lowest;
}

async function priceOf(
  client: PricingClient,
  service: InstanceService,
  region: string,
  cls: string,
): Promise<number | null> {
  const query = PRICING_QUERIES[service];
  const filters = Object.entries({ ...query.filters, regionCode: region, instanceType: cls }).map(
    ([Field, Value]) => ({ Type: 'TERM_MATCH' as const, Field, Value }),
  );
  const items: string[] = [];
  let token: string | undefined;
  do {
    const page = await client.send(
      new GetProductsCommand({
        ServiceCode: query.serviceCode,
        Filters: filters,
        FormatVersion: 'aws_v1',
        MaxResults: 100,
        ...(token ? { NextToken: token } : {}),
      }),
    );
    items.push(...(page.PriceList ?? []).map(String));
    token = page.NextToken;
  } while (token);
  const hourly = lowestHourly(items);
  return hourly === null ? null : Math.round(hourly * 10_000) / 10_000;
}

/** Asks for every price, then writes one file per region (nothing is written when a price is missing). */
export async function refreshInstancePrices(options: RefreshOptions): Promise<RegionInstancePrices[]> {
  const date = options.date ?? new Date().toISOString().slice(0, 10);
  const missing: string[] = [];
  const files: RegionInstancePrices[] = [];
  for (const region of options.regions) {
    const hourly = {} as RegionInstancePrices['hourly'];
    for (const service of INSTANCE_SERVICES) {
      const prices: Record<string, number> = {};
      for (const cls of catalogClasses(service)) {
        const price = await priceOf(options.client, service, region, cls);
        if (price === null) missing.push(`${region} ${service} ${cls}`);
        else {
          prices[cls] = price;
          options.onPrice?.(region, service, cls, price);
        }
      }
      hourly[service] = Object.fromEntries(Object.entries(prices).sort(([a], [b]) => a.localeCompare(b)));
    }
    files.push({
      source: `AWS Price List API (GetProducts, on-demand hourly USD; ${INSTANCE_SERVICES.map(
        (s) => PRICING_QUERIES[s].serviceCode,
      )
        .filter((c, i, all) => all.indexOf(c) === i)
        .join(', ')}), fetched by npm run prices:refresh`,
      date,
      region,
      hourly,
    });
  }
  if (missing.length > 0) throw new MissingPricesError(missing);
  for (const file of files)
    writeFileSync(join(options.outDir, `${file.region}.json`), `${JSON.stringify(file, null, 2)}\n`);
  return files;
}
