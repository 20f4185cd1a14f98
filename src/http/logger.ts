/** pino options: level from config, secrets redacted wherever they appear in a log object. */
import type { LoggerOptions } from 'pino';
import type { Config } from '../config/config.ts';

export const redactPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-slack-signature"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'authorization',
  'token',
  'password',
  'secret',
  'apiKey',
  '*.authorization',
  '*.token',
  '*.password',
  '*.secret',
  '*.apiKey',
  '*.api_key',
  '*.COPILOT_ADMIN_TOKEN',
  '*.OPENAI_API_KEY',
  '*.SLACK_BOT_TOKEN',
  '*.SLACK_SIGNING_SECRET',
  '*.DATABASE_URL',
];

export function loggerOptions(config: Pick<Config, 'LOG_LEVEL'>): LoggerOptions {
  return {
    level: config.LOG_LEVEL,
    redact: { paths: redactPaths, censor: '[redacted]' },
  };
}
