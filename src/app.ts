/**
 * Builds the app exactly as production runs it (tests call this too, then `app.inject()`).
 * Order: logging/request ids → error handling → security, rate limit, OpenAPI → store → identity, audit,
 * metrics → routes. Domain modules add ONE line each in the "domain routes" block below.
 */
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  LogController,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from 'fastify';
import { serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import auditPlugin from './audit/audit-plugin.ts';
import templateParserPlugin from './cfn/template-parser-plugin.ts';
import changeRequestsPlugin from './change-requests/change-requests-plugin.ts';
import type { Config } from './config/config.ts';
import conversationsPlugin from './conversations/conversations-plugin.ts';
import policiesPlugin from './guardrails/policy/policies-plugin.ts';
import drainOnClose from './http/drain-on-close.ts';
import drainRefusedBody from './http/drain-refused-body.ts';
import errorHandler from './http/error-handler.ts';
import { loggerOptions } from './http/logger.ts';
import rateLimit from './http/rate-limit.ts';
import rejectUnsafeText from './http/reject-unsafe-text.ts';
import { genRequestId, REQUEST_ID_HEADER } from './http/request-id.ts';
import security from './http/security.ts';
import swagger from './http/swagger.ts';
import { bodyOptionalValidatorCompiler } from './http/validator-compiler.ts';
import bootstrapPlugin from './identity/bootstrap-plugin.ts';
import identityPlugin from './identity/identity-plugin.ts';
import metricsPlugin from './ops/metrics-plugin.ts';
import { opsRoutes } from './ops/ops-routes.ts';
import { adminRoutes } from './routes/admin/admin-routes.ts';
import { auditRoutes } from './routes/audit/audit-routes.ts';
import { changeRequestsRoutes } from './routes/change-requests/change-requests-routes.ts';
import { conversationsRoutes } from './routes/conversations/conversations-routes.ts';
import { guardrailsRoutes } from './routes/guardrails/guardrails-routes.ts';
import { meRoutes } from './routes/me/me-routes.ts';
import { policiesRoutes } from './routes/policies/policies-routes.ts';
import { requestMetricsRoutes } from './routes/review/request-metrics-routes.ts';
import { reviewRoutes } from './routes/review/review-routes.ts';
import { slackLinksRoutes } from './routes/slack/slack-links-routes.ts';
import { slackRoutes } from './routes/slack/slack-routes.ts';
import { stacksRoutes } from './routes/stacks/stacks-routes.ts';
import { waiversRoutes } from './routes/waivers/waivers-routes.ts';
import slackPlugin, { type SlackPluginOptions } from './slack/slack-plugin.ts';
import stacksPlugin from './stacks/stacks-plugin.ts';
import { openStore, type Store } from './store/store.ts';
import storePlugin from './store/store-plugin.ts';
import waiversPlugin from './waivers/waivers-plugin.ts';
import { webRoutes } from './web/web-plugin.ts';

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export interface BuildAppOverrides {
  /** Use this store instead of opening one from the config (it is still closed when the app closes). */
  store?: Store;
  /** A ready pino/fastify logger; default: pino from LOG_LEVEL with redaction. */
  logger?: FastifyBaseLogger;
  /** Apply migrations at start (default true). */
  migrate?: boolean;
  /** Write the first-start admin token file on an empty store (default: BOOTSTRAP_TOKEN_FILE). */
  bootstrapTokenFile?: boolean;
  /** Collect process metrics (default true). */
  processMetrics?: boolean;
  /** Slack client retry timing (tests shorten it). */
  slack?: Pick<SlackPluginOptions, 'retry' | 'outboxRetryBaseMs'>;
}

/** Builds (registers everything, not yet `ready()`; `inject()` and `listen()` make it ready). */
export async function buildApp(config: Config, overrides: BuildAppOverrides = {}): Promise<App> {
  const app = Fastify({
    ...(overrides.logger ? { loggerInstance: overrides.logger } : { logger: loggerOptions(config) }),
    genReqId: genRequestId,
    requestIdHeader: false,
    logController: new LogController({ requestIdLogLabel: 'requestId' }),
    bodyLimit: config.BODY_LIMIT,
    trustProxy: config.TRUST_PROXY,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(bodyOptionalValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onRequest', async (request, reply) => {
    reply.header(REQUEST_ID_HEADER, request.id);
  });

  try {
    await app.register(errorHandler);
    await app.register(drainOnClose);
    await app.register(drainRefusedBody);
    await app.register(rejectUnsafeText);
    await app.register(security);
    await app.register(rateLimit, { max: config.RATE_LIMIT_MAX, timeWindow: config.RATE_LIMIT_WINDOW_MS });
    await app.register(swagger);
    const store =
      overrides.store ?? (await openStore({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR }));
    await app.register(storePlugin, { store, migrate: overrides.migrate ?? true });
    await app.register(metricsPlugin, { processMetrics: overrides.processMetrics ?? true });
    await app.register(identityPlugin);
    await app.register(auditPlugin);
    await app.register(bootstrapPlugin, {
      adminToken: config.COPILOT_ADMIN_TOKEN,
      dataDir: config.DATA_DIR,
      writeTokenFile: config.BOOTSTRAP_TOKEN_FILE && overrides.bootstrapTokenFile !== false,
    });

    await app.register(opsRoutes);
    await app.register(meRoutes, { prefix: '/v1' });
    await app.register(adminRoutes, { prefix: '/v1/admin' });
    await app.register(auditRoutes, { prefix: '/v1/audit' });
    // ── domain routes: one line each ──
    await app.register(templateParserPlugin);
    await app.register(guardrailsRoutes, { prefix: '/v1/guardrails' });
    await app.register(stacksPlugin, { aws: config }).register(stacksRoutes, { prefix: '/v1/stacks' });
    await app
      .register(changeRequestsPlugin, { config })
      .register(changeRequestsRoutes, { prefix: '/v1/change-requests' })
      .register(reviewRoutes, { prefix: '/v1/review' })
      .register(requestMetricsRoutes, { prefix: '/v1/metrics' });
    await app
      .register(policiesPlugin)
      .register(waiversPlugin)
      .register(policiesRoutes, { prefix: '/v1/policies' })
      .register(waiversRoutes, { prefix: '/v1/waivers' });
    await app
      .register(conversationsPlugin, { config })
      .register(conversationsRoutes, { prefix: '/v1/conversations' });
    await app.register(webRoutes);
    if (config.SLACK_SIGNING_SECRET)
      await app
        .register(slackPlugin, { config, ...overrides.slack })
        .register(slackRoutes, { prefix: '/slack', signingSecret: config.SLACK_SIGNING_SECRET })
        .register(slackLinksRoutes, { prefix: '/v1/slack' });
  } catch (error) {
    await app.close().catch(() => undefined);
    throw error;
  }
  return app as unknown as App;
}
