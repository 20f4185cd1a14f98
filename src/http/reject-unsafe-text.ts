/**
 * Refuses, with 400 naming the field, any request whose body, query or path parameters hold text PostgreSQL
 * cannot store (a NUL character, an unpaired surrogate): before validation and before any work, so nothing
 * is planned, half-done or answered as saved and then lost. Runs after authentication (onRequest).
 */
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { findUnsafeText } from '../text/find-unsafe-text.ts';
import { ValidationError } from './errors/validation-error.ts';

async function rejectUnsafeText(app: FastifyInstance): Promise<void> {
  app.addHook('preValidation', async (request) => {
    const found =
      findUnsafeText(request.params, 'params') ??
      findUnsafeText(request.query, 'query') ??
      findUnsafeText(request.body, 'body');
    if (found) throw new ValidationError([found]);
  });
}

export default fp(rejectUnsafeText, { name: 'reject-unsafe-text' });
