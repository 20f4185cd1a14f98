/**
 * Request ids: a sane incoming `x-request-id` (1-128 of [A-Za-z0-9._:-]) is kept, anything else replaced by
 * a fresh UUID. The id is in the `x-request-id` response header and in every log line (`requestId`).
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const REQUEST_ID_HEADER = 'x-request-id';
const sane = /^[A-Za-z0-9._:-]{1,128}$/;

export function genRequestId(req: IncomingMessage): string {
  const incoming = req.headers[REQUEST_ID_HEADER];
  return typeof incoming === 'string' && sane.test(incoming) ? incoming : randomUUID();
}
