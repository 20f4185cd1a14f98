/**
 * Starts the process: config, logger, app, listen; graceful shutdown on SIGTERM/SIGINT (stop accepting,
 * finish in-flight requests, close the store). Everything else lives in app.ts.
 */
import { type Logger, pino } from 'pino';
import { type App, buildApp } from './app.ts';
import { type Config, loadConfig } from './config/config.ts';
import { ConfigError } from './config/config-error.ts';
import { loggerOptions } from './http/logger.ts';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/**
 * The shutdown a signal triggers: stop accepting, let in-flight requests finish, close the store (an app
 * onClose hook), then `exit(0)`; `exit(1)` when closing fails or takes longer than `graceMs`.
 */
export function gracefulShutdown(
  app: Pick<App, 'close'>,
  logger: Pick<Logger, 'info' | 'error'>,
  exit: (code: number) => void = (code) => process.exit(code),
  graceMs = 10_000,
): (signal: string) => Promise<void> {
  let closing: Promise<void> | undefined;
  return (signal) => {
    closing ??= (async () => {
      logger.info({ signal }, 'shutting down: finishing in-flight requests');
      const force = setTimeout(() => {
        logger.error(`shutdown took longer than ${graceMs} ms; exiting`);
        exit(1);
      }, graceMs);
      force.unref();
      try {
        await app.close();
        clearTimeout(force);
        logger.info('stopped');
        exit(0);
      } catch (error) {
        clearTimeout(force);
        logger.error({ err: error }, 'shutdown failed');
        exit(1);
      }
    })();
    return closing;
  };
}

export async function startServer(config: Config): Promise<RunningServer> {
  const logger = pino(loggerOptions(config));
  const app = await buildApp(config, { logger });
  const url = await app.listen({ port: config.PORT, host: config.HOST });
  const shutdown = gracefulShutdown(app, logger);
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => void shutdown(signal));
  return { url, close: () => app.close() };
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`infra-copilot: invalid configuration: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  await startServer(config);
}

const entry = process.argv[1] ?? '';
if (/server\.(ts|js)$/.test(entry)) {
  main().catch((error: unknown) => {
    process.stderr.write(
      `infra-copilot: failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  });
}
