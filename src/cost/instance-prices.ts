/**
 * Hourly on-demand prices of instance classes and node types, per region: `instance-prices/<region>.json`,
 * one file per region the price table lists, each with its source and date. Written by
 * `npm run prices:refresh` (AWS Price List API); read once per process and checked here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseJson } from '../json/parse-json.ts';
import { INSTANCE_SERVICES, type InstanceService } from './instance-catalog.ts';

export const instancePricesDir = join(dirname(fileURLToPath(import.meta.url)), 'instance-prices');

const hourly = z.record(z.string(), z.number().positive());

export const RegionInstancePricesSchema = z.strictObject({
  source: z.string().min(1),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  region: z.string().min(1),
  hourly: z.strictObject(
    Object.fromEntries(INSTANCE_SERVICES.map((s) => [s, hourly])) as Record<InstanceService, typeof hourly>,
  ),
});
export type RegionInstancePrices = z.infer<typeof RegionInstancePricesSchema>;

/** Every region file in `dir`, by region; a malformed file stops the process with its name and the problem. */
export function loadInstancePrices(
  dir: string = instancePricesDir,
): Readonly<Record<string, RegionInstancePrices>> {
  const out: Record<string, RegionInstancePrices> = {};
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const parsed = parseJson(readFileSync(join(dir, file), 'utf8'));
    if (!parsed.ok) throw new Error(`instance prices ${file}: ${parsed.error}`);
    const checked = RegionInstancePricesSchema.safeParse(parsed.value);
    if (!checked.success) throw new Error(`instance prices ${file}: ${checked.error.message}`);
    out[checked.data.region] = checked.data;
  }
  return out;
}

/** The committed prices, loaded once per process. */
export const INSTANCE_PRICES = loadInstancePrices();
