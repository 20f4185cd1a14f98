import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { PolicyService } from './policy-service.ts';

declare module 'fastify' {
  interface FastifyInstance {
    policies: PolicyService;
  }
}

/** `app.policies`: versioned policy sets. Seeds version 1 from guardrails/ on first start. */
async function policiesPlugin(app: FastifyInstance): Promise<void> {
  const service = new PolicyService(app.db, app.audit);
  app.decorate('policies', service);
  await service.seed();
}

export default fp(policiesPlugin, { name: 'policies', dependencies: ['db', 'audit'] });
