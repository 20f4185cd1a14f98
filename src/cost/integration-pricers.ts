import type { PriceResult, PricingInput } from './resource-pricers.ts';

const n = (value: unknown): number => (typeof value === 'number' ? value : Number(value));
const fmt = (value: number): string => value.toLocaleString('en-US', { maximumFractionDigits: 6 });
const has = (value: unknown, key: string): boolean =>
  typeof value === 'object' && value !== null && key in (value as Record<string, unknown>);

/** Pipe requests per month from the source's usage assumptions, and what they are counted from. */
function pipeRequests({ properties, params }: PricingInput): { requests: number; from: string } {
  const source = properties.SourceParameters;
  if (has(source, 'KinesisStreamParameters')) {
    // billed per 64 KB chunk of each batch: the stream's volume in 64 KB chunks, a lower bound
    const gb = n(params.ingest_gb_per_month);
    return { requests: gb * 16384, from: `${fmt(gb)} GB from the stream in 64 KB chunks` };
  }
  if (has(source, 'DynamoDBStreamParameters')) {
    const writes = n(params.writes_per_month);
    return { requests: writes, from: `${fmt(writes)} table writes, one stream record each` };
  }
  // the queue's requests are send + receive + delete: a third are messages
  const messages = n(params.requests_per_month) / 3;
  return { requests: messages, from: `${fmt(Math.round(messages))} queue messages` };
}

/** Pricers for the resource types of API Gateway REST APIs, Firehose, Pipes and Cognito. */
export const INTEGRATION_PRICERS: Readonly<Record<string, (input: PricingInput) => PriceResult>> = {
  'AWS::ApiGateway::RestApi': ({ params, prices }) => {
    const requests = n(params.requests_per_month);
    return {
      monthly: (requests / 1e6) * prices.restApiPerMillion,
      basis: `${fmt(requests)} REST API requests × $${prices.restApiPerMillion}/M`,
    };
  },
  'AWS::KinesisFirehose::DeliveryStream': ({ properties, params, prices, hours }) => {
    const gb = n(params.ingest_gb_per_month);
    const ingest = gb * prices.firehoseIngestGb;
    const destination = properties.AmazonopensearchserviceDestinationConfiguration;
    if (!has(destination, 'VpcConfiguration'))
      return { monthly: ingest, basis: `${fmt(gb)} GB ingested × $${prices.firehoseIngestGb}` };
    const azs = 2;
    return {
      monthly: ingest + gb * prices.firehoseVpcGb + azs * hours * prices.firehoseVpcAzHour,
      basis: `${fmt(gb)} GB ingested × $${prices.firehoseIngestGb} + VPC delivery ${fmt(gb)} GB × $${prices.firehoseVpcGb} + ${azs} AZ × ${hours} h × $${prices.firehoseVpcAzHour}`,
    };
  },
  'AWS::Pipes::Pipe': (input) => {
    const { requests, from } = pipeRequests(input);
    const price = input.prices.pipesPerMillion;
    return {
      monthly: (requests / 1e6) * price,
      basis: `${from} × $${price}/M requests (DynamoDB stream reads by the pipe not estimated)`,
    };
  },
  'AWS::Cognito::UserPool': ({ properties, params, prices }) => {
    const plan = (properties.UserPoolTier ?? 'ESSENTIALS') as keyof typeof prices.cognitoMau;
    const price = prices.cognitoMau[plan];
    if (price === undefined) return { unpriced: `no list price for Cognito feature plan ${String(plan)}` };
    const users = n(params.monthly_active_users);
    return {
      monthly: users * price,
      basis: `${fmt(users)} monthly active users × $${price} (${plan}; the free tier's first 10,000 MAU not subtracted)`,
    };
  },
};

/** Resource types of the same services with no charge of their own. */
export const INTEGRATION_FREE_TYPES: Readonly<Record<string, string>> = {
  'AWS::ApiGateway::Account': 'account setting',
  'AWS::ApiGateway::ApiKey': 'billed per API request',
  'AWS::ApiGateway::Authorizer': 'billed per API request',
  'AWS::ApiGateway::Deployment': 'billed per API request',
  'AWS::ApiGateway::Method': 'billed per API request',
  'AWS::ApiGateway::RequestValidator': 'billed per API request',
  'AWS::ApiGateway::Resource': 'billed per API request',
  'AWS::ApiGateway::Stage': 'billed per API request (no cache)',
  'AWS::ApiGateway::UsagePlan': 'billed per API request',
  'AWS::ApiGateway::UsagePlanKey': 'billed per API request',
  'AWS::Cognito::UserPoolClient': 'billed per monthly active user',
  'AWS::Cognito::UserPoolDomain': 'billed per monthly active user',
  'AWS::Logs::LogStream': 'billed with its log group',
};
