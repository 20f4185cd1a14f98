/**
 * A stand-in for S3 on 127.0.0.1: a real HTTP server answering PutObject, HeadObject and GetObject the way S3
 * does in path-style addressing (`/<bucket>/<key>`), so the real AWS SDK client talks to it through
 * S3_ENDPOINT. Objects live in memory with their metadata, content type and server-side encryption. Signed
 * requests (PUT, HEAD) must carry an AWS SigV4 Authorization header; GET is open, so the CloudFormation
 * stand-in can read a TemplateURL the way CloudFormation reads it for the caller.
 *
 *   const s3 = await startS3StandIn({ buckets: ['templates'] });
 *   s3.failNext('PutObject', 3);            // the next three PUTs answer 500 InternalError
 *   ... createS3Client({ AWS_REGION: 'us-east-1', S3_ENDPOINT: s3.url }, { credentials }) ...
 *   await s3.close();
 */
import { createHash, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { listenOnLoopback } from './loopback-server.ts';

export type S3Operation = 'PutObject' | 'HeadObject' | 'GetObject';

export interface StoredObject {
  body: Buffer;
  contentType: string | null;
  serverSideEncryption: string | null;
  metadata: Record<string, string>;
  etag: string;
  lastModified: Date;
}

export interface S3Call {
  operation: S3Operation | 'Unsupported';
  bucket: string;
  key: string;
  status: number;
}

export interface S3StandIn {
  /** `http://127.0.0.1:<port>`: the S3_ENDPOINT to give the SDK. */
  readonly url: string;
  readonly calls: readonly S3Call[];
  /** Calls of one operation that S3 answered (any status). */
  count(operation: S3Operation): number;
  /** The object at bucket/key, or undefined. */
  object(bucket: string, key: string): StoredObject | undefined;
  /** Every key in a bucket, sorted. */
  keys(bucket: string): string[];
  /** The next `times` calls of `operation` answer `status` (500 InternalError by default). */
  failNext(operation: S3Operation, times: number, status?: number): void;
  close(): Promise<void>;
}

class S3Error extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const ERROR_CODES: Record<number, string> = {
  403: 'AccessDenied',
  404: 'NoSuchKey',
  500: 'InternalError',
  503: 'SlowDown',
};

export async function startS3StandIn(options: { buckets?: string[] } = {}): Promise<S3StandIn> {
  const buckets = new Map<string, Map<string, StoredObject>>();
  for (const name of options.buckets ?? []) buckets.set(name, new Map());
  const calls: S3Call[] = [];
  const failures = new Map<S3Operation, { times: number; status: number }>();

  function operationOf(method: string | undefined): S3Operation | 'Unsupported' {
    if (method === 'PUT') return 'PutObject';
    if (method === 'HEAD') return 'HeadObject';
    if (method === 'GET') return 'GetObject';
    return 'Unsupported';
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://stand-in').pathname;
    const [rawBucket = '', ...rest] = path.replace(/^\//, '').split('/');
    const bucket = decodeURIComponent(rawBucket);
    const key = rest.map(decodeURIComponent).join('/');
    const operation = operationOf(req.method);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const call: S3Call = { operation, bucket, key, status: 200 };
    calls.push(call);
    try {
      if (operation === 'Unsupported' || key === '')
        throw new S3Error(
          405,
          'MethodNotAllowed',
          'The specified method is not allowed against this resource.',
        );
      const failure = failures.get(operation);
      if (failure && failure.times > 0) {
        failure.times--;
        throw new S3Error(
          failure.status,
          ERROR_CODES[failure.status] ?? 'InternalError',
          'We encountered an internal error. Please try again.',
        );
      }
      if (operation !== 'GetObject' && !/^AWS4-HMAC-SHA256 Credential=/.test(req.headers.authorization ?? ''))
        throw new S3Error(403, 'AccessDenied', 'Access Denied');
      const objects = buckets.get(bucket);
      if (!objects) throw new S3Error(404, 'NoSuchBucket', 'The specified bucket does not exist');
      if (operation === 'PutObject') {
        const body = decodeBody(req, Buffer.concat(chunks));
        const sse = header(req, 'x-amz-server-side-encryption');
        if (sse !== null && sse !== 'AES256' && sse !== 'aws:kms')
          throw new S3Error(400, 'InvalidArgument', 'The encryption method specified is not supported');
        const metadata: Record<string, string> = {};
        for (const [name, value] of Object.entries(req.headers)) {
          if (name.startsWith('x-amz-meta-') && typeof value === 'string') metadata[name.slice(11)] = value;
        }
        const stored: StoredObject = {
          body,
          contentType: header(req, 'content-type'),
          serverSideEncryption: sse,
          metadata,
          etag: `"${createHash('md5').update(body).digest('hex')}"`,
          lastModified: new Date(),
        };
        objects.set(key, stored);
        res.statusCode = 200;
        res.setHeader('ETag', stored.etag);
        if (sse) res.setHeader('x-amz-server-side-encryption', sse);
        res.setHeader('x-amz-request-id', randomUUID());
        res.end();
        return;
      }
      const stored = objects.get(key);
      if (!stored) throw new S3Error(404, 'NoSuchKey', 'The specified key does not exist.');
      res.statusCode = 200;
      res.setHeader('Content-Length', String(stored.body.length));
      res.setHeader('Content-Type', stored.contentType ?? 'binary/octet-stream');
      res.setHeader('ETag', stored.etag);
      res.setHeader('Last-Modified', stored.lastModified.toUTCString());
      if (stored.serverSideEncryption)
        res.setHeader('x-amz-server-side-encryption', stored.serverSideEncryption);
      for (const [name, value] of Object.entries(stored.metadata)) res.setHeader(`x-amz-meta-${name}`, value);
      res.setHeader('x-amz-request-id', randomUUID());
      res.end(operation === 'GetObject' ? stored.body : undefined);
    } catch (error) {
      const e = error instanceof S3Error ? error : new S3Error(500, 'InternalError', String(error));
      call.status = e.status;
      res.statusCode = e.status;
      res.setHeader('x-amz-request-id', randomUUID());
      if (req.method === 'HEAD') {
        res.end();
        return;
      }
      res.setHeader('Content-Type', 'application/xml');
      res.end(
        `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${e.code}</Code><Message>${e.message}</Message>` +
          `<Resource>/${bucket}/${key}</Resource><RequestId>${randomUUID()}</RequestId></Error>`,
      );
    }
  }

  const server = await listenOnLoopback(handle);

  return {
    url: server.url,
    calls,
    count: (operation) => calls.filter((c) => c.operation === operation).length,
    object: (bucket, key) => buckets.get(bucket)?.get(key),
    keys: (bucket) => [...(buckets.get(bucket)?.keys() ?? [])].sort(),
    failNext: (operation, times, status = 500) => {
      failures.set(operation, { times, status });
    },
    close: server.close,
  };
}

function header(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  return typeof value === 'string' ? value : null;
}

/**
 * The object's bytes: the body as sent, or decoded from `aws-chunked` framing (`<hex size>;chunk-signature=..
 * \r\n<data>\r\n ... 0\r\n<trailers>\r\n\r\n`), which the SDK uses to stream a body with a trailing checksum.
 */
function decodeBody(req: IncomingMessage, raw: Buffer): Buffer {
  const encoding = header(req, 'content-encoding') ?? '';
  if (!encoding.split(',').some((e) => e.trim() === 'aws-chunked')) return raw;
  const parts: Buffer[] = [];
  let offset = 0;
  for (;;) {
    const lineEnd = raw.indexOf('\r\n', offset);
    if (lineEnd < 0) break;
    const size = Number.parseInt(raw.subarray(offset, lineEnd).toString('latin1').split(';')[0] ?? '0', 16);
    if (!Number.isFinite(size) || size === 0) break;
    parts.push(raw.subarray(lineEnd + 2, lineEnd + 2 + size));
    offset = lineEnd + 2 + size + 2;
  }
  const decoded = Buffer.concat(parts);
  const expected = header(req, 'x-amz-decoded-content-length');
  if (expected !== null && Number(expected) !== decoded.length)
    throw new S3Error(
      400,
      'IncompleteBody',
      'You did not provide the number of bytes specified by the Content-Length HTTP header.',
    );
  return decoded;
}
