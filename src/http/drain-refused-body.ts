/**
 * A request answered before its body was read (413 over the limit, 401 before the body) keeps its connection
 * until the client has sent the rest: the unread bytes are read and dropped, up to `DRAIN_LIMIT_BYTES`.
 * Closing at once would make the kernel reset the connection under a client that writes its whole body
 * before it reads, and that client would see "connection reset" instead of the problem document.
 */
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/** How much of a refused body is read and dropped before the connection is cut after all. */
export const DRAIN_LIMIT_BYTES = 64 * 1024 * 1024;

async function drainRefusedBody(app: FastifyInstance): Promise<void> {
  app.addHook('onSend', async (request, reply, payload) => {
    const raw = request.raw;
    if (raw.complete || raw.readableEnded) return payload;
    // Fastify asks to close after a refused body; keep the connection until the body is in, then reuse it.
    reply.removeHeader('connection');
    let dropped = 0;
    raw.on('data', (chunk: Buffer) => {
      dropped += chunk.length;
      if (dropped > DRAIN_LIMIT_BYTES) raw.socket?.destroy();
    });
    raw.resume();
    return payload;
  });
}

export default fp(drainRefusedBody, { name: 'drain-refused-body' });
