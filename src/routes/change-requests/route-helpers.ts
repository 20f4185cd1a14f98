import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ChangeRequest } from '../../change-requests/change-request.ts';
import type { ActionContext } from '../../change-requests/change-request-service.ts';
import { BadRequestError } from '../../http/errors/bad-request-error.ts';
import { currentUser } from '../../identity/identity-plugin.ts';

/** `"3"`, `W/"3"` or `3` → 3. */
export function versionFromIfMatch(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const match = /^(?:W\/)?"?(\d+)"?$/.exec(header.trim());
  if (!match) throw new BadRequestError('If-Match must be the ETag of the change request, such as "3"');
  return Number(match[1]);
}

export function expectedVersionOf(
  request: FastifyRequest,
  body: { expectedVersion?: number | undefined },
): number | undefined {
  const header = versionFromIfMatch(request.headers['if-match'] as string | undefined);
  if (header !== undefined && body.expectedVersion !== undefined && header !== body.expectedVersion) {
    throw new BadRequestError('If-Match and expectedVersion disagree; send one of them');
  }
  return body.expectedVersion ?? header;
}

export function contextOf(request: FastifyRequest): ActionContext {
  return { user: currentUser(request), requestId: request.id };
}

export function idempotencyOf(request: FastifyRequest): { key: string } | null {
  const key = request.headers['idempotency-key'];
  return typeof key === 'string' && key !== '' ? { key } : null;
}

export function send(reply: FastifyReply, status: number, body: ChangeRequest, replayed = false) {
  reply.header('etag', `"${body.version}"`);
  if (replayed) reply.header('idempotent-replayed', 'true');
  return reply.status(status).send(body);
}
