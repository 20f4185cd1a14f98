import { S3Client } from '@aws-sdk/client-s3';
import type { Config } from '../config/config.ts';
import { AwsNotConfiguredError } from './aws-errors.ts';
import type { CloudFormationClientOptions } from './cloudformation-client.ts';

export type S3Config = Pick<Config, 'AWS_REGION' | 'S3_ENDPOINT'>;

/**
 * An S3 client for the configured region, pointed at S3_ENDPOINT when set (a stand-in, LocalStack, MinIO), in
 * path-style addressing then (`<endpoint>/<bucket>/<key>`), since such endpoints rarely resolve bucket
 * subdomains. Throws AwsNotConfiguredError when AWS_REGION is not set.
 */
export function createS3Client(config: S3Config, options: CloudFormationClientOptions = {}): S3Client {
  const region = config.AWS_REGION;
  if (region === undefined) throw new AwsNotConfiguredError('an S3 client');
  return new S3Client({
    region,
    ...(config.S3_ENDPOINT ? { endpoint: config.S3_ENDPOINT, forcePathStyle: true } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
    ...(options.maxAttempts ? { maxAttempts: options.maxAttempts } : {}),
  });
}
