/**
 * `infra-copilot <command> [options]`. Global options (before or after the command): --url <server>,
 * --token <token>. Commands live in src/cli/commands/ (see command.ts).
 */
import { readFileSync } from 'node:fs';
import { pino } from 'pino';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config/config.ts';
import { ConfigError } from '../config/config-error.ts';
import { loggerOptions } from '../http/logger.ts';
import { adminTokenPath } from '../identity/bootstrap-plugin.ts';
import { type ApiClient, httpApiClient, inProcessApiClient } from './api-client.ts';
import type { CliContext } from './command.ts';
import { commandNames, loadCommand } from './registry.ts';

interface GlobalOptions {
  url?: string | undefined;
  token?: string | undefined;
  rest: string[];
}

function takeGlobalOptions(argv: string[]): GlobalOptions {
  const options: GlobalOptions = { rest: [] };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    const [flag, inline] = arg.split(/=(.*)/s, 2) as [string, string | undefined];
    if (flag === '--url' || flag === '--token') {
      const value = inline ?? argv[++i];
      if (flag === '--url') options.url = value;
      else options.token = value;
    } else options.rest.push(arg);
  }
  return options;
}

/** The token the CLI uses: --token, INFRA_COPILOT_TOKEN, COPILOT_ADMIN_TOKEN, or <DATA_DIR>/admin-token. */
export function resolveToken(
  explicit: string | undefined,
  env: Record<string, string | undefined>,
): string | undefined {
  const direct = explicit || env.INFRA_COPILOT_TOKEN || env.COPILOT_ADMIN_TOKEN;
  if (direct) return direct;
  try {
    return readFileSync(adminTokenPath(env.DATA_DIR || './data'), 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

async function usage(out: NodeJS.WritableStream): Promise<void> {
  const lines = [
    'usage: infra-copilot <command> [--url <server>] [--token <token>] [options]',
    '',
    'commands:',
  ];
  for (const name of commandNames()) {
    const command = await loadCommand(name).catch(() => undefined);
    lines.push(`  ${name.padEnd(10)} ${command?.summary ?? ''}`);
  }
  lines.push('', 'Without --url (or INFRA_COPILOT_URL) commands run against an in-process app on DATA_DIR.');
  out.write(`${lines.join('\n')}\n`);
}

export async function runCli(
  argv: string[],
  io: {
    env?: Record<string, string | undefined>;
    stdout?: NodeJS.WritableStream;
    stderr?: NodeJS.WritableStream;
  } = {},
): Promise<number> {
  const env = io.env ?? process.env;
  const stdout = io.stdout ?? process.stdout;
  const stderr = io.stderr ?? process.stderr;
  const global = takeGlobalOptions(argv);
  const [name, ...args] = global.rest;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    await usage(stdout);
    return name ? 0 : 1;
  }
  const command = await loadCommand(name);
  if (!command) {
    stderr.write(`infra-copilot: unknown command ${JSON.stringify(name)}\n`);
    await usage(stderr);
    return 1;
  }
  if (args.includes('--help') || args.includes('-h')) {
    stdout.write(`${command.summary}\nusage: ${command.usage}\n`);
    return 0;
  }
  let client: ApiClient | undefined;
  const ctx: CliContext = {
    args,
    env,
    stdout,
    stderr,
    async api() {
      if (client) return client;
      const url = global.url || env.INFRA_COPILOT_URL;
      if (url) client = httpApiClient(url, resolveToken(global.token, env));
      else {
        const config = loadConfig({ ...env, LOG_LEVEL: env.LOG_LEVEL ?? 'warn' });
        // logs go to stderr so stdout stays the command's output
        const app = await buildApp(config, { logger: pino(loggerOptions(config), pino.destination(2)) });
        await app.ready();
        // after the app started: a first start on an empty store has just written the token file
        client = inProcessApiClient(app, resolveToken(global.token, env));
      }
      return client;
    },
  };
  try {
    return await command.run(ctx);
  } catch (error) {
    const message =
      error instanceof ConfigError
        ? `invalid configuration: ${error.message}`
        : error instanceof Error
          ? error.message
          : String(error);
    stderr.write(`infra-copilot ${name}: ${message}\n`);
    // a bad setting is a usage error (2), as for `npm start`; anything else failed while running (1)
    return error instanceof ConfigError ? 2 : 1;
  } finally {
    await client?.close();
  }
}

const entry = process.argv[1] ?? '';
if (/cli[\\/]main\.(ts|js)$/.test(entry)) {
  runCli(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`infra-copilot: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
