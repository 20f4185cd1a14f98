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

export const PRICE_TABLE: PriceTable = {
  version: '2026.11.3',
  source:
    'AWS public on-demand list prices (aws.amazon.com/<service>/pricing), transcribed by hand for us-east-1 and eu-west-1; Linux, no free tier, no savings plans. Not fetched automatically: check against the AWS Price List API before relying on exact figures.',
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
      rdsInstanceHour: {
        'db.t4g.micro': 0.016,
        'db.t4g.small': 0.032,
        'db.t4g.medium': 0.065,
        'db.t4g.large': 0.129,
        'db.m7g.large': 0.168,
        'db.r6g.large': 0.225,
        'db.r7g.large': 0.239,
      },
      rdsGp3Gb: 0.115,
      auroraInstanceHour: {
        'db.t4g.medium': 0.073,
        'db.t4g.large': 0.146,
        'db.r6g.large': 0.26,
        'db.r7g.large': 0.276,
      },
      auroraStorageGb: 0.1,
      auroraAcuHour: 0.12,
      elastiCacheRedisNodeHour: {
        'cache.t4g.micro': 0.016,
        'cache.t4g.small': 0.032,
        'cache.t4g.medium': 0.065,
        'cache.m7g.large': 0.158,
        'cache.r7g.large': 0.219,
      },
      natGatewayHour: 0.045,
      publicIpv4Hour: 0.005,
      albHour: 0.0225,
      albLcuHour: 0.008,
      fargateVcpuHourX86: 0.04048,
      fargateGbHourX86: 0.004445,
      fargateVcpuHourArm: 0.03238,
      fargateGbHourArm: 0.00356,
      ec2InstanceHour: {
        't4g.small': 0.0168,
        't4g.medium': 0.0336,
        't4g.large': 0.0672,
        'm7g.large': 0.0816,
        'm7g.xlarge': 0.1632,
        't3.medium': 0.0416,
        'm7i.large': 0.1008,
      },
      ebsGp3Gb: 0.08,
      eksClusterHour: 0.1,
      efsStandardGb: 0.3,
      openSearchInstanceHour: {
        't3.small.search': 0.036,
        'm6g.large.search': 0.128,
        'r6g.large.search': 0.167,
      },
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
      rdsInstanceHour: {
        'db.t4g.micro': 0.018,
        'db.t4g.small': 0.036,
        'db.t4g.medium': 0.072,
        'db.t4g.large': 0.144,
        'db.m7g.large': 0.187,
        'db.r6g.large': 0.258,
        'db.r7g.large': 0.274,
      },
      rdsGp3Gb: 0.127,
      auroraInstanceHour: {
        'db.t4g.medium': 0.08,
        'db.t4g.large': 0.161,
        'db.r6g.large': 0.29,
        'db.r7g.large': 0.308,
      },
      auroraStorageGb: 0.11,
      auroraAcuHour: 0.13,
      elastiCacheRedisNodeHour: {
        'cache.t4g.micro': 0.018,
        'cache.t4g.small': 0.036,
        'cache.t4g.medium': 0.072,
        'cache.m7g.large': 0.176,
        'cache.r7g.large': 0.243,
      },
      natGatewayHour: 0.048,
      publicIpv4Hour: 0.005,
      albHour: 0.0252,
      albLcuHour: 0.008,
      fargateVcpuHourX86: 0.04048,
      fargateGbHourX86: 0.004445,
      fargateVcpuHourArm: 0.03238,
      fargateGbHourArm: 0.00356,
      ec2InstanceHour: {
        't4g.small': 0.0184,
        't4g.medium': 0.0368,
        't4g.large': 0.0736,
        'm7g.large': 0.0891,
        'm7g.xlarge': 0.1782,
        't3.medium': 0.0456,
        'm7i.large': 0.1116,
      },
      ebsGp3Gb: 0.088,
      eksClusterHour: 0.1,
      efsStandardGb: 0.33,
      openSearchInstanceHour: {
        't3.small.search': 0.04,
        'm6g.large.search': 0.141,
        'r6g.large.search': 0.184,
      },
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
