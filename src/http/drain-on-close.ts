/**
 * Graceful close: once the app starts closing, responses to in-flight requests carry `Connection: close`,
 * so keep-alive sockets end after their last response and `server.close()` can finish instead of waiting
 * for clients' idle connections to time out.
 */
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

async function drainOnClose(app: FastifyInstance): Promise<void> {
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
    app.server.closeIdleConnections?.();
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    if (closing) reply.header('connection', 'close');
    return payload;
  });
}

export default fp(drainOnClose, { name: 'drain-on-close' });
