import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { AwsConfig } from '../aws/cloudformation-client.ts';
import { StacksService } from './stacks-service.ts';

declare module 'fastify' {
  interface FastifyInstance {
    stacks: StacksService;
  }
}

export interface StacksPluginOptions {
  /** AWS_REGION and CFN_ENDPOINT from the config. */
  aws: AwsConfig;
}

async function stacksPlugin(app: FastifyInstance, options: StacksPluginOptions): Promise<void> {
  app.decorate('stacks', new StacksService(app.db, app.audit, options.aws, app.templateParser));
  app.addHook('onClose', async () => {
    app.stacks.closeClient();
  });
}

export default fp(stacksPlugin, { name: 'stacks', dependencies: ['db', 'audit', 'template-parser'] });
