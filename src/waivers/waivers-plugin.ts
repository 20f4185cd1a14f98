import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { WaiverService } from './waiver-service.ts';

declare module 'fastify' {
  interface FastifyInstance {
    waivers: WaiverService;
  }
}

/** `app.waivers`: expiring, audited exceptions to guardrail rules. */
async function waiversPlugin(app: FastifyInstance): Promise<void> {
  app.decorate('waivers', new WaiverService(app.db, app.audit));
}

export default fp(waiversPlugin, { name: 'waivers', dependencies: ['db', 'audit'] });
