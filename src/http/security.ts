/** Security headers (@fastify/helmet). */
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

async function security(app: FastifyInstance): Promise<void> {
  await app.register(helmet, { global: true });
}

export default fp(security, { name: 'security' });
