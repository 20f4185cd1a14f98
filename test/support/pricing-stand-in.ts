/**
 * A stand-in for the AWS Price List API on 127.0.0.1, speaking its JSON protocol (POST /, `X-Amz-Target:
 * AWSPriceListService.GetProducts`, `application/x-amz-json-1.1`), driven by the real @aws-sdk/client-pricing.
 * `price(serviceCode, region, instanceType)` decides each product's hourly USD price (null: no product);
 * every answer holds the product twice on two pages (the second 10% dearer, as Aurora's I/O-optimized is), so
 * clients must follow NextToken and keep the lowest on-demand price.
 */
import type { IncomingMessage } from 'node:http';
import { type LoopbackServer, listenOnLoopback } from './loopback-server.ts';

export interface PricingStandIn extends LoopbackServer {
  /** Every GetProducts request: service code and filters (field → value). */
  requests: Array<{ serviceCode: string; filters: Record<string, string>; nextToken: string | null }>;
}

async function body(req: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of req) text += chunk;
  return text;
}

function product(sku: string, instanceType: string, region: string, usd: number): string {
  return JSON.stringify({
    product: { sku, productFamily: 'Instance', attributes: { instanceType, regionCode: region } },
    serviceCode: 'x',
    terms: {
      OnDemand: {
        [`${sku}.JRTCKXETXF`]: {
          priceDimensions: {
            [`${sku}.JRTCKXETXF.6YS6EN2CT7`]: { unit: 'Hrs', pricePerUnit: { USD: usd.toFixed(10) } },
          },
        },
      },
      Reserved: {
        [`${sku}.RESERVED`]: {
          priceDimensions: { [`${sku}.R.1`]: { unit: 'Hrs', pricePerUnit: { USD: (usd / 3).toFixed(10) } } },
        },
      },
    },
  });
}

export async function startPricingStandIn(
  price: (serviceCode: string, region: string, instanceType: string) => number | null,
): Promise<PricingStandIn> {
  const requests: PricingStandIn['requests'] = [];
  const server = await listenOnLoopback(async (req, res) => {
    const target = req.headers['x-amz-target'];
    const input = JSON.parse(await body(req)) as {
      ServiceCode: string;
      Filters: Array<{ Field: string; Value: string; Type: string }>;
      NextToken?: string;
    };
    res.setHeader('content-type', 'application/x-amz-json-1.1');
    if (target !== 'AWSPriceListService.GetProducts') {
      res.statusCode = 400;
      res.end(
        JSON.stringify({ __type: 'InvalidParameterException', message: `unknown target ${String(target)}` }),
      );
      return;
    }
    const filters = Object.fromEntries(input.Filters.map((f) => [f.Field, f.Value]));
    requests.push({ serviceCode: input.ServiceCode, filters, nextToken: input.NextToken ?? null });
    const region = filters.regionCode ?? '';
    const type = filters.instanceType ?? '';
    const usd = price(input.ServiceCode, region, type);
    if (usd === null) {
      res.end(JSON.stringify({ FormatVersion: 'aws_v1', PriceList: [] }));
      return;
    }
    const page = input.NextToken === 'page-2' ? 2 : 1;
    res.end(
      JSON.stringify({
        FormatVersion: 'aws_v1',
        PriceList: [product(`SKU${page}${type}`, type, region, page === 1 ? usd : usd * 1.1)],
        ...(page === 1 ? { NextToken: 'page-2' } : {}),
      }),
    );
  });
  return { ...server, requests };
}
