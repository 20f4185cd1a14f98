import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { createTemplateParser, type TemplateParser } from './template-parser.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Parses template text; large texts on a worker thread so other requests are not blocked. */
    templateParser: TemplateParser;
  }
}

/** One parser (and so one worker pool) per app, shared by every route that takes template text. */
async function templateParserPlugin(app: FastifyInstance): Promise<void> {
  const parser = createTemplateParser();
  app.decorate('templateParser', parser);
  app.addHook('onClose', () => parser.close());
}

export default fp(templateParserPlugin, { name: 'template-parser' });
