import { createHash } from 'node:crypto';
import type { Config } from '../config/config.ts';
import { TemplateTooLargeError } from './aws-errors.ts';

/** CloudFormation's limit for TemplateBody, in bytes. */
export const TEMPLATE_BODY_LIMIT = 51_200;
/** CloudFormation's limit for a template read from S3 (TemplateURL), in bytes. */
export const TEMPLATE_URL_LIMIT = 1_048_576;

/** Where templates too large for TemplateBody are uploaded (CFN_TEMPLATE_BUCKET, CFN_TEMPLATE_PREFIX). */
export interface TemplateBucket {
  bucket: string;
  /** Empty, or ending with `/`. */
  prefix: string;
  /** AWS_REGION; null (export mode without AWS) gives the global `s3.amazonaws.com` URL form. */
  region: string | null;
  /** S3_ENDPOINT: URLs are path-style on it. */
  endpoint: string | null;
}

/** An object in the template bucket. */
export interface TemplateObject {
  bucket: string;
  key: string;
  /** The TemplateURL CloudFormation reads it from. */
  url: string;
}

export function templateBucketOf(
  config: Pick<Config, 'AWS_REGION' | 'S3_ENDPOINT' | 'CFN_TEMPLATE_BUCKET' | 'CFN_TEMPLATE_PREFIX'>,
): TemplateBucket | null {
  if (config.CFN_TEMPLATE_BUCKET === undefined) return null;
  const prefix = (config.CFN_TEMPLATE_PREFIX ?? '').replace(/^\/+/, '');
  return {
    bucket: config.CFN_TEMPLATE_BUCKET,
    prefix: prefix === '' || prefix.endsWith('/') ? prefix : `${prefix}/`,
    region: config.AWS_REGION ?? null,
    endpoint: config.S3_ENDPOINT ?? null,
  };
}

/** The template exactly as sent to CloudFormation (and uploaded): compact JSON, or the text as is. */
export function templateBodyOf(template: Record<string, unknown> | string): string {
  return typeof template === 'string' ? template : JSON.stringify(template);
}

/**
 * How CloudFormation gets this template: `body` (TemplateBody) up to 51,200 bytes, `upload` (TemplateURL) up
 * to 1 MB when a bucket is configured. Throws TemplateTooLargeError naming the size, the limit and the
 * variable to set otherwise.
 */
export function templateDelivery(stackName: string, body: string, canUpload: boolean): 'body' | 'upload' {
  const bytes = Buffer.byteLength(body, 'utf8');
  if (bytes <= TEMPLATE_BODY_LIMIT) return 'body';
  if (bytes > TEMPLATE_URL_LIMIT) throw new TemplateTooLargeError(stackName, bytes, TEMPLATE_URL_LIMIT, null);
  if (!canUpload)
    throw new TemplateTooLargeError(stackName, bytes, TEMPLATE_BODY_LIMIT, 'CFN_TEMPLATE_BUCKET');
  return 'upload';
}

/**
 * The object a change request revision's template goes to: `<prefix><stack>/<change request>/r<revision>-
 * <sha256 of the body, 16 hex>.json`. Deterministic, so a retry after a restart finds the same object.
 */
export function templateObjectFor(
  bucket: TemplateBucket,
  input: { stackName: string; changeRequestId: string; revision: number; body: string },
): TemplateObject {
  const digest = createHash('sha256').update(input.body, 'utf8').digest('hex').slice(0, 16);
  const key = `${bucket.prefix}${input.stackName}/${input.changeRequestId}/r${input.revision}-${digest}.json`;
  return { bucket: bucket.bucket, key, url: templateUrlFor(bucket, key) };
}

/**
 * The URL CloudFormation accepts as TemplateURL: virtual-hosted `https://<bucket>.s3.<region>.amazonaws.com/
 * <key>` on AWS (`.amazonaws.com.cn` in China), path-style `<endpoint>/<bucket>/<key>` on S3_ENDPOINT.
 */
export function templateUrlFor(bucket: TemplateBucket, key: string): string {
  const path = key.split('/').map(encodeURIComponent).join('/');
  if (bucket.endpoint !== null) {
    return `${bucket.endpoint.replace(/\/+$/, '')}/${encodeURIComponent(bucket.bucket)}/${path}`;
  }
  if (bucket.region === null) return `https://${bucket.bucket}.s3.amazonaws.com/${path}`;
  const domain = bucket.region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
  return `https://${bucket.bucket}.s3.${bucket.region}.${domain}/${path}`;
}
