import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../config/config.ts';
import { createPlanner } from '../planner/create-planner.ts';
import type { Planner } from '../planner/planner.ts';
import { ConversationService } from './conversation-service.ts';
import type { Submitter } from './turn/submit-proposal.ts';

declare module 'fastify' {
  interface FastifyInstance {
    conversations: ConversationService;
  }
}

export interface ConversationsPluginOptions {
  config: Config;
  /** A planner to use instead of the one the config names (tests, the CLI). */
  planner?: Planner;
}

async function conversationsPlugin(app: FastifyInstance, options: ConversationsPluginOptions): Promise<void> {
  if (options.config.PLANNER === 'llm' && !options.config.OPENAI_API_KEY) {
    app.log.warn('PLANNER=llm but OPENAI_API_KEY is not set: the embedded planner answers');
  }
  const planner = options.planner ?? (await createPlanner(options.config));
  app.log.info({ planner: planner.name }, 'conversation planner');
  const submitter: Submitter | undefined = app.hasDecorator('changeRequests')
    ? async ({ proposalId, actor, channel, requestId }) => {
        // Submit revises the stack's open request (same conversation) instead of opening a second one.
        const done = await app.changeRequests.submit(
          { user: actor, requestId },
          { proposalId, channel },
          null,
        );
        return {
          id: done.body.id,
          state: done.body.state,
          revision: done.body.revision,
          outcome: done.outcome,
        };
      }
    : undefined;
  app.decorate(
    'conversations',
    new ConversationService(app.db, app.audit, planner, () => new Date(), submitter),
  );
}

export default fp(conversationsPlugin, { name: 'conversations', dependencies: ['db', 'audit'] });
