import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import type { Config } from '../config/config.ts';
import { AwsNotConfiguredError } from './aws-errors.ts';

export type AwsConfig = Pick<Config, 'AWS_REGION' | 'CFN_ENDPOINT'>;

export interface CloudFormationClientOptions {
  /** Static credentials (tests); otherwise the SDK's standard credential chain is used. */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /** Attempts per call including retries of throttling and 5xx; the SDK default (3) otherwise. */
  maxAttempts?: number;
}

/** True when AWS_REGION is set: baselines can be read from AWS and change sets created. */
export function isAwsConfigured(config: AwsConfig): boolean {
  return config.AWS_REGION !== undefined;
}

/**
 * A CloudFormation client for the configured region, pointed at CFN_ENDPOINT when set (a stand-in, LocalStack,
 * a VPC endpoint). Throws AwsNotConfiguredError when AWS_REGION is not set.
 */
export function createCloudFormationClient(
  config: AwsConfig,
  options: CloudFormationClientOptions = {},
): CloudFormationClient {
  const region = config.AWS_REGION;
  if (region === undefined) throw new AwsNotConfiguredError('a CloudFormation client');
  return new CloudFormationClient({
    region,
    ...(config.CFN_ENDPOINT ? { endpoint: config.CFN_ENDPOINT } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
    ...(options.maxAttempts ? { maxAttempts: options.maxAttempts } : {}),
  });
}
