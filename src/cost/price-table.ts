import { INSTANCE_PRICES, type RegionInstancePrices } from './instance-prices.ts';

/**
 * On-demand list prices (USD) used by the cost estimate. Versioned: bump `version` whenever a number
 * changes, so an estimate always says which table it used. Hourly prices are per hour, storage per GB-month,
 * requests per million unless the name says otherwise. Aurora/RDS instance prices are single-AZ; the
 * estimator doubles them for Multi-AZ instances. Valkey node prices are 20% below Redis OSS (AWS list).
 */
export interface RegionPrices {
  lambdaRequestsPerMillion: number;
  lambdaGbSecondX86: number;
  lambdaGbSecondArm: number;
  httpApiPerMillion: number;
  dynamoReadPerMillion: number;
  dynamoWritePerMillion: number;
  dynamoRcuHour: number;
  dynamoWcuHour: number;
  dynamoStorageGb: number;
  dynamoPitrGb: number;
  sqsStandardPerMillion: number;
  sqsFifoPerMillion: number;
  snsPublishPerMillion: number;
  eventBridgePerMillion: number;
  kinesisOnDemandStreamHour: number;
  kinesisOnDemandIngestGb: number;
  kinesisShardHour: number;
  s3StandardGb: number;
  s3GetPerThousand: number;
  s3PutPerThousand: number;
  cloudFrontDataOutGb: number;
  cloudFrontHttpsPerMillion: number;
  rdsInstanceHour: Readonly<Record<string, number>>;
  rdsGp3Gb: number;
  auroraInstanceHour: Readonly<Record<string, number>>;
  auroraStorageGb: number;
  auroraAcuHour: number;
  elastiCacheRedisNodeHour: Readonly<Record<string, number>>;
  natGatewayHour: number;
  publicIpv4Hour: number;
  albHour: number;
  albLcuHour: number;
  fargateVcpuHourX86: number;
  fargateGbHourX86: number;
  fargateVcpuHourArm: number;
  fargateGbHourArm: number;
  ec2InstanceHour: Readonly<Record<string, number>>;
  ebsGp3Gb: number;
  eksClusterHour: number;
  efsStandardGb: number;
  openSearchInstanceHour: Readonly<Record<string, number>>;
  openSearchGp3Gb: number;
  secretMonth: number;
  kmsKeyMonth: number;
  ecrStorageGb: number;
  stepFunctionsPerThousandTransitions: number;
  stepFunctionsExpressPerMillion: number;
  sesPerThousand: number;
  schedulerPerMillion: number;
  wafWebAclMonth: number;
  wafRuleMonth: number;
  wafRequestsPerMillion: number;
  restApiPerMillion: number;
  firehoseIngestGb: number;
  firehoseVpcGb: number;
  firehoseVpcAzHour: number;
  pipesPerMillion: number;
  /** Cognito user pools per monthly active user, by feature plan (LITE: its first price tier). */
  cognitoMau: Readonly<Record<'LITE' | 'ESSENTIALS' | 'PLUS', number>>;
}

export interface PriceTable {
  version: string;
  source: string;
  date: string;
  hoursPerMonth: number;
  regions: Readonly<Record<string, RegionPrices>>;
}

/** The instance class tables of a region the committed prices list (`instance-prices/<region>.json`). */
function instanceHourly(region: string): RegionInstancePrices['hourly'] {
  const prices = INSTANCE_PRICES[region];
  if (prices === undefined) throw new Error(`no instance prices for ${region} in src/cost/instance-prices/`);
  return prices.hourly;
}
const US_EAST_1 = instanceHourly('us-east-1');
const EU_WEST_1 = instanceHourly('eu-west-1');

export const PRICE_TABLE: PriceTable = {
  version: '2026.12.1',
  source:
    'AWS public on-demand list prices (aws.amazon.com/<service>/pricing), transcribed by hand for us-east-1 and eu-west-1; Linux, no free tier, no savings plans. Instance classes and node types: src/cost/instance-prices/<region>.json (their own source and date; `npm run prices:refresh` rebuilds them from the AWS Price List API).',
  date: '2026-11-01',
  hoursPerMonth: 730,
  regions: {
    'us-east-1': {
      lambdaRequestsPerMillion: 0.2,
      lambdaGbSecondX86: 0.0000166667,
      lambdaGbSecondArm: 0.0000133334,
      httpApiPerMillion: 1.0,
      dynamoReadPerMillion: 0.125,
      dynamoWritePerMillion: 0.625,
      dynamoRcuHour: 0.00013,
      dynamoWcuHour: 0.00065,
      dynamoStorageGb: 0.25,
      dynamoPitrGb: 0.2,
      sqsStandardPerMillion: 0.4,
      sqsFifoPerMillion: 0.5,
      snsPublishPerMillion: 0.5,
      eventBridgePerMillion: 1.0,
      kinesisOnDemandStreamHour: 0.04,
      kinesisOnDemandIngestGb: 0.08,
      kinesisShardHour: 0.015,
      s3StandardGb: 0.023,
      s3GetPerThousand: 0.0004,
      s3PutPerThousand: 0.005,
      cloudFrontDataOutGb: 0.085,
      cloudFrontHttpsPerMillion: 1.0,
      rdsInstanceHour: US_EAST_1.rds,
      rdsGp3Gb: 0.115,
      auroraInstanceHour: US_EAST_1.aurora,
      auroraStorageGb: 0.1,
      auroraAcuHour: 0.12,
      elastiCacheRedisNodeHour: US_EAST_1.elasticache,
      natGatewayHour: 0.045,
      publicIpv4Hour: 0.005,
      albHour: 0.0225,
      albLcuHour: 0.008,
      fargateVcpuHourX86: 0.04048,
      fargateGbHourX86: 0.004445,
      fargateVcpuHourArm: 0.03238,
      fargateGbHourArm: 0.00356,
      ec2InstanceHour: US_EAST_1.ec2,
      ebsGp3Gb: 0.08,
      eksClusterHour: 0.1,
      efsStandardGb: 0.3,
      openSearchInstanceHour: US_EAST_1.opensearch,
      openSearchGp3Gb: 0.122,
      secretMonth: 0.4,
      kmsKeyMonth: 1.0,
      ecrStorageGb: 0.1,
      stepFunctionsPerThousandTransitions: 0.025,
      stepFunctionsExpressPerMillion: 1.0,
      sesPerThousand: 0.1,
      schedulerPerMillion: 1.0,
      wafWebAclMonth: 5.0,
      wafRuleMonth: 1.0,
      wafRequestsPerMillion: 0.6,
      restApiPerMillion: 3.5,
      firehoseIngestGb: 0.029,
      firehoseVpcGb: 0.01,
      firehoseVpcAzHour: 0.01,
      pipesPerMillion: 0.4,
      cognitoMau: { LITE: 0.0055, ESSENTIALS: 0.015, PLUS: 0.02 },
    },
    'eu-west-1': {
      lambdaRequestsPerMillion: 0.2,
      lambdaGbSecondX86: 0.0000166667,
      lambdaGbSecondArm: 0.0000133334,
      httpApiPerMillion: 1.11,
      dynamoReadPerMillion: 0.1415,
      dynamoWritePerMillion: 0.7065,
      dynamoRcuHour: 0.000147,
      dynamoWcuHour: 0.000735,
      dynamoStorageGb: 0.283,
      dynamoPitrGb: 0.226,
      sqsStandardPerMillion: 0.4,
      sqsFifoPerMillion: 0.5,
      snsPublishPerMillion: 0.5,
      eventBridgePerMillion: 1.0,
      kinesisOnDemandStreamHour: 0.045,
      kinesisOnDemandIngestGb: 0.09,
      kinesisShardHour: 0.017,
      s3StandardGb: 0.023,
      s3GetPerThousand: 0.0004,
      s3PutPerThousand: 0.005,
      cloudFrontDataOutGb: 0.085,
      cloudFrontHttpsPerMillion: 1.2,
      rdsInstanceHour: EU_WEST_1.rds,
      rdsGp3Gb: 0.127,
      auroraInstanceHour: EU_WEST_1.aurora,
      auroraStorageGb: 0.11,
      auroraAcuHour: 0.13,
      elastiCacheRedisNodeHour: EU_WEST_1.elasticache,
      natGatewayHour: 0.048,
      publicIpv4Hour: 0.005,
      albHour: 0.0252,
      albLcuHour: 0.008,
      fargateVcpuHourX86: 0.04048,
      fargateGbHourX86: 0.004445,
      fargateVcpuHourArm: 0.03238,
      fargateGbHourArm: 0.00356,
      ec2InstanceHour: EU_WEST_1.ec2,
      ebsGp3Gb: 0.088,
      eksClusterHour: 0.1,
      efsStandardGb: 0.33,
      openSearchInstanceHour: EU_WEST_1.opensearch,
      openSearchGp3Gb: 0.136,
      secretMonth: 0.4,
      kmsKeyMonth: 1.0,
      ecrStorageGb: 0.1,
      stepFunctionsPerThousandTransitions: 0.025,
      stepFunctionsExpressPerMillion: 1.0,
      sesPerThousand: 0.1,
      schedulerPerMillion: 1.0,
      wafWebAclMonth: 5.0,
      wafRuleMonth: 1.0,
      wafRequestsPerMillion: 0.6,
      restApiPerMillion: 3.5,
      firehoseIngestGb: 0.031,
      firehoseVpcGb: 0.01,
      firehoseVpcAzHour: 0.01,
      pipesPerMillion: 0.4,
      cognitoMau: { LITE: 0.0055, ESSENTIALS: 0.015, PLUS: 0.02 },
    },
  },
};
