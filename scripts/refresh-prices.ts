/**
 * `npm run prices:refresh [-- --out dir] [--regions us-east-1,eu-west-1]`: rebuilds the instance price files
 * (src/cost/instance-prices/<region>.json) from the AWS Price List API, for every class of the instance
 * catalog in every region the price table lists. Needs AWS credentials (the standard chain: environment,
 * profile, role); PRICING_ENDPOINT points it at another endpoint. Exit 0 written, 1 prices missing (nothing
 * written), 2 no credentials or bad arguments.
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { PricingClient } from '@aws-sdk/client-pricing';
import { PRICE_TABLE } from '../src/cost/price-table.ts';
import { MissingPricesError, refreshInstancePrices } from '../src/cost/refresh/refresh-instance-prices.ts';

async function main(): Promise<number> {
  let values: { out?: string; regions?: string };
  try {
    ({ values } = parseArgs({ options: { out: { type: 'string' }, regions: { type: 'string' } } }));
  } catch (error) {
    process.stderr.write(`prices:refresh: ${(error as Error).message}\n`);
    return 2;
  }
  const outDir = values.out ?? fileURLToPath(new URL('../src/cost/instance-prices', import.meta.url));
  const regions = values.regions ? values.regions.split(',') : Object.keys(PRICE_TABLE.regions);
  // The Price List API answers from us-east-1 (and two other regions) for every region's prices.
  const client = new PricingClient({
    region: 'us-east-1',
    ...(process.env.PRICING_ENDPOINT ? { endpoint: process.env.PRICING_ENDPOINT } : {}),
  });
  try {
    let count = 0;
    const files = await refreshInstancePrices({ client, regions, outDir, onPrice: () => void count++ });
    process.stdout.write(`prices:refresh: ${count} prices in ${files.map((f) => `${f.region}.json`).join(', ')} (${outDir})\n`);
    return 0;
  } catch (error) {
    if (error instanceof MissingPricesError) {
      process.stderr.write(`prices:refresh: ${error.message}; nothing was written\n`);
      return 1;
    }
    if ((error as { name?: string }).name === 'CredentialsProviderError') {
      process.stderr.write(
        'prices:refresh: no AWS credentials (set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE); the committed prices are kept\n',
      );
      return 2;
    }
    throw error;
  } finally {
    client.destroy();
  }
}

process.exitCode = await main();
