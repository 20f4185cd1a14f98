import { createHash } from 'node:crypto';
import { HeadObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { S3CallError } from './aws-errors.ts';
import { awsErrorCode } from './cloudformation-call.ts';
import type { TemplateObject } from './template-bucket.ts';

/**
 * Uploads a template to its object (SSE-S3 encrypted, JSON), unless the object already holds these exact
 * bytes (a retry after a restart): HeadObject first, compared by the SHA-256 recorded in the object's
 * metadata. Returns whether it uploaded. S3 errors become S3CallError with S3's code and HTTP status.
 */
export async function uploadTemplate(
  client: S3Client,
  object: TemplateObject,
  body: string,
): Promise<{ uploaded: boolean }> {
  const sha256 = createHash('sha256').update(body, 'utf8').digest('hex');
  const existing = await headObject(client, object);
  if (existing === sha256) return { uploaded: false };
  try {
    await client.send(
      new PutObjectCommand({
        Bucket: object.bucket,
        Key: object.key,
        Body: body,
        ContentType: 'application/json',
        ServerSideEncryption: 'AES256',
        Metadata: { sha256 },
      }),
    );
  } catch (error) {
    throw s3Error('PutObject', object.bucket, error);
  }
  return { uploaded: true };
}

/** The object's recorded SHA-256 ('' when it has none), or null when it cannot be seen. */
async function headObject(client: S3Client, object: TemplateObject): Promise<string | null> {
  try {
    const head = await client.send(new HeadObjectCommand({ Bucket: object.bucket, Key: object.key }));
    return head.Metadata?.sha256 ?? '';
  } catch (error) {
    // 404: no such object; 403: no such object and no s3:ListBucket, or no s3:GetObject. Upload either way.
    const status = httpStatusOf(error);
    if (status === 404 || status === 403) return null;
    throw s3Error('HeadObject', object.bucket, error);
  }
}

function httpStatusOf(error: unknown): number | null {
  const status = (error as { $metadata?: { httpStatusCode?: unknown } } | null)?.$metadata?.httpStatusCode;
  return typeof status === 'number' ? status : null;
}

function s3Error(operation: string, bucket: string, error: unknown): S3CallError {
  return new S3CallError(operation, bucket, awsErrorCode(error) ?? 'Unknown', httpStatusOf(error), error);
}
