/**
 * `npm run prices:refresh` against a stand-in of the AWS Price List API on 127.0.0.1, through the real
 * @aws-sdk/client-pricing: the files it writes load as the price table's instance prices, with their source
 * and date; a class AWS has no price for stops it with the list and writes nothing.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PricingClient } from '@aws-sdk/client-pricing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogClasses } from '../../src/cost/instance-catalog.ts';
import { loadInstancePrices } from '../../src/cost/instance-prices.ts';
import { MissingPricesError, refreshInstancePrices } from '../../src/cost/refresh/refresh-instance-prices.ts';
import { type PricingStandIn, startPricingStandIn } from '../support/pricing-stand-in.ts';

const run = promisify(execFile);
// A refresh asks for every class of the catalog in two regions (some 1,300 requests, two pages each) through
// the real SDK: seconds when the machine is idle, more under load, hence the longer timeouts below.
let aws: PricingStandIn;
const dirs: string[] = [];
let missing: string | null = null;

/** A made-up but checkable price: the length of the class name in cents, doubled for eu-west-1. */
const priceFor = (_service: string, region: string, type: string) =>
  type === missing ? null : (type.length / 100) * (region === 'eu-west-1' ? 2 : 1);

function client(): PricingClient {
  return new PricingClient({
    region: 'us-east-1',
    endpoint: aws.url,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
}

function freshDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'prices-'));
  dirs.push(dir);
  return dir;
}

beforeAll(async () => {
  aws = await startPricingStandIn(priceFor);
});
afterAll(async () => {
  await aws.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('prices:refresh', () => {
  it('writes one file per region with every catalog class, the lowest on-demand price, its source and date', async () => {
    missing = null;
    const outDir = freshDir();
    const c = client();
    await refreshInstancePrices({
      client: c,
      regions: ['us-east-1', 'eu-west-1'],
      outDir,
      date: '2026-12-07',
    });
    c.destroy();
    expect(readdirSync(outDir).sort()).toEqual(['eu-west-1.json', 'us-east-1.json']);
    const loaded = loadInstancePrices(outDir);
    expect(loaded['us-east-1']?.date).toBe('2026-12-07');
    expect(loaded['us-east-1']?.source).toContain('AWS Price List API');
    expect(loaded['us-east-1']?.hourly.rds['db.r6g.xlarge']).toBe(0.13);
    expect(loaded['eu-west-1']?.hourly.elasticache['cache.r6g.large']).toBe(0.3);
    expect(loaded['us-east-1']?.hourly.opensearch['r6g.large.search']).toBe(0.16);
    expect(Object.keys(loaded['us-east-1']?.hourly.ec2 ?? {}).sort()).toEqual(catalogClasses('ec2').sort());
    // The RDS query asked for PostgreSQL, single-AZ, in the region, for the class; pages were followed.
    const rds = aws.requests.find(
      (r) => r.serviceCode === 'AmazonRDS' && r.filters.instanceType === 'db.r6g.xlarge',
    );
    expect(rds?.filters).toMatchObject({
      regionCode: 'us-east-1',
      databaseEngine: 'PostgreSQL',
      deploymentOption: 'Single-AZ',
    });
    expect(aws.requests.some((r) => r.nextToken === 'page-2')).toBe(true);
  }, 120_000);

  it('stops with the classes AWS has no price for, and writes nothing', async () => {
    missing = 'db.r7i.16xlarge';
    const outDir = freshDir();
    const c = client();
    const refused = await refreshInstancePrices({ client: c, regions: ['us-east-1'], outDir }).catch(
      (e: unknown) => e,
    );
    c.destroy();
    expect(refused).toBeInstanceOf(MissingPricesError);
    expect((refused as MissingPricesError).missing).toEqual([
      'us-east-1 rds db.r7i.16xlarge',
      'us-east-1 aurora db.r7i.16xlarge',
    ]);
    expect(readdirSync(outDir)).toEqual([]);
  }, 60_000);

  it('runs as npm run prices:refresh, and says so when no credentials are set', async () => {
    missing = null;
    const outDir = freshDir();
    const env = {
      ...process.env,
      PRICING_ENDPOINT: aws.url,
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
    };
    const done = await run(
      'npx',
      ['tsx', 'scripts/refresh-prices.ts', '--out', outDir, '--regions', 'us-east-1'],
      { env },
    );
    expect(done.stdout).toMatch(/prices:refresh: \d+ prices in us-east-1\.json/);
    expect(loadInstancePrices(outDir)['us-east-1']?.hourly.ec2['m7g.large']).toBe(0.09);

    const bare = Object.fromEntries(
      Object.entries(process.env).filter(([k]) => !k.startsWith('AWS_')),
    ) as NodeJS.ProcessEnv;
    const noCredentials = await run('npx', ['tsx', 'scripts/refresh-prices.ts', '--out', freshDir()], {
      env: {
        ...bare,
        PRICING_ENDPOINT: aws.url,
        AWS_CONFIG_FILE: '/nonexistent',
        AWS_SHARED_CREDENTIALS_FILE: '/nonexistent',
        AWS_EC2_METADATA_DISABLED: 'true',
      },
    }).catch((e: { code: number; stderr: string }) => e);
    expect((noCredentials as { code: number }).code).toBe(2);
    expect((noCredentials as { stderr: string }).stderr).toContain('no AWS credentials');
  }, 120_000);
});
