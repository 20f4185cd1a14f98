/** `app.audit`: the AuditLog (record / list). */
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { AuditLog } from './audit-log.ts';

declare module 'fastify' {
  interface FastifyInstance {
    audit: AuditLog;
  }
}

async function auditPlugin(app: FastifyInstance): Promise<void> {
  app.decorate('audit', new AuditLog(app.db));
}

export default fp(auditPlugin, { name: 'audit', dependencies: ['db'] });
