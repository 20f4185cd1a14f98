/**
 * How each service's instance prices are asked of the AWS Price List API (GetProducts): the service code and
 * the attribute filters that pick the on-demand, Linux / PostgreSQL / Redis, single-AZ, shared-tenancy product
 * of one class in one region. Data: a new service is a new entry, not new code.
 */
import type { InstanceService } from '../instance-catalog.ts';

export interface PricingQuery {
  serviceCode: string;
  /** TERM_MATCH filters besides `regionCode` and `instanceType`. */
  filters: Readonly<Record<string, string>>;
}

export const PRICING_QUERIES: Readonly<Record<InstanceService, PricingQuery>> = {
  rds: {
    serviceCode: 'AmazonRDS',
    filters: {
      productFamily: 'Database Instance',
      databaseEngine: 'PostgreSQL',
      deploymentOption: 'Single-AZ',
    },
  },
  aurora: {
    serviceCode: 'AmazonRDS',
    filters: { productFamily: 'Database Instance', databaseEngine: 'Aurora PostgreSQL' },
  },
  elasticache: {
    serviceCode: 'AmazonElastiCache',
    filters: { productFamily: 'Cache Instance', cacheEngine: 'Redis' },
  },
  opensearch: {
    serviceCode: 'AmazonES',
    filters: { productFamily: 'Amazon OpenSearch Service Instance' },
  },
  ec2: {
    serviceCode: 'AmazonEC2',
    filters: {
      productFamily: 'Compute Instance',
      operatingSystem: 'Linux',
      tenancy: 'Shared',
      preInstalledSw: 'NA',
      capacitystatus: 'Used',
      licenseModel: 'No License required',
    },
  },
};
