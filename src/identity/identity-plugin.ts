/**
 * `app.identity` (IdentityService), `app.authenticate` (an onRequest hook: bearer token → `request.user`, else
 * 401) and `app.requireRole(...roles)` (onRequest: authenticates if needed, then 403 unless the user has one of
 * the roles; admin passes every check). The token is checked against the store on every request. Routes use
 * them as `onRequest`, so an unauthenticated caller gets 401 before the body is read or validated.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import { ForbiddenError } from '../http/errors/forbidden-error.ts';
import { UnauthorizedError } from '../http/errors/unauthorized-error.ts';
import { IdentityService } from './identity-service.ts';
import { type AuthUser, hasRole, type Role } from './roles.ts';
import { bearerToken } from './token.ts';

declare module 'fastify' {
  interface FastifyInstance {
    identity: IdentityService;
    authenticate: onRequestAsyncHookHandler;
    requireRole: (...roles: Role[]) => onRequestAsyncHookHandler;
  }
  interface FastifyRequest {
    /** Set by `app.authenticate`; null on unauthenticated routes. */
    user: AuthUser | null;
  }
}

/** The authenticated user of a request that went through `app.authenticate` (401 otherwise). */
export function currentUser(request: FastifyRequest): AuthUser {
  if (!request.user) throw new UnauthorizedError();
  return request.user;
}

async function identityPlugin(app: FastifyInstance): Promise<void> {
  const identity = new IdentityService(app.db);
  app.decorate('identity', identity);
  app.decorateRequest('user', null);

  async function authenticate(
    this: FastifyInstance,
    request: FastifyRequest,
    _reply: FastifyReply,
  ): Promise<void> {
    if (request.user) return;
    const header = request.headers.authorization;
    const token = bearerToken(header);
    if (!token)
      throw new UnauthorizedError(
        header
          ? 'The Authorization header must be "Bearer <token>".'
          : 'Send an Authorization: Bearer <token> header.',
      );
    const user = await identity.authenticate(token);
    if (!user) throw new UnauthorizedError('The token is unknown or revoked, or its user is disabled.');
    request.user = user;
    request.log = request.log.child({ userId: user.id });
  }

  app.decorate('authenticate', authenticate);
  app.decorate('requireRole', (...roles: Role[]): onRequestAsyncHookHandler => {
    return async function requireRole(this: FastifyInstance, request, reply) {
      await authenticate.call(this, request, reply);
      const user = currentUser(request);
      if (!hasRole(user, roles))
        throw new ForbiddenError(`This action needs one of the roles: ${roles.join(', ')}.`, {
          extensions: { requiredRoles: roles },
        });
    };
  });
}

export default fp(identityPlugin, { name: 'identity', dependencies: ['db'] });
