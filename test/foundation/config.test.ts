import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/config-error.ts';
import { loadConfig } from '../../src/config/config.ts';

const fail = (env: Record<string, string>): ConfigError => {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
};

describe('config', () => {
  it('has the documented defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      PORT: 8080,
      HOST: '127.0.0.1',
      DATA_DIR: './data',
      LOG_LEVEL: 'info',
      BODY_LIMIT: 1_048_576,
    });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.COPILOT_ADMIN_TOKEN).toBeUndefined();
  });

  it('treats empty strings as unset and coerces numbers', () => {
    const config = loadConfig({ PORT: '', DATABASE_URL: '' });
    expect(config.PORT).toBe(8080);
    expect(config.DATABASE_URL).toBeUndefined();
    expect(loadConfig({ PORT: '9090' }).PORT).toBe(9090);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT: expected an integer port 0-65535, got "eighty"'],
    [{ PORT: '70000' }, 'PORT: expected an integer port 0-65535, got "70000"'],
    [
      { LOG_LEVEL: 'loud' },
      'LOG_LEVEL: expected one of fatal, error, warn, info, debug, trace, silent, got "loud"',
    ],
    [{ DATABASE_URL: 'mysql://db/x' }, 'DATABASE_URL: expected a postgres://user@host:port/database URL'],
    [{ BODY_LIMIT: 'big' }, 'BODY_LIMIT: expected a body size limit in bytes, got "big"'],
  ])('stops on %o with one line naming the variable and the form', (env, message) => {
    const error = fail(env);
    expect(error.message).toBe(message);
    expect(error.message).not.toContain('\n');
  });

  it('never echoes a secret value', () => {
    const error = fail({ COPILOT_ADMIN_TOKEN: 'short' });
    expect(error.variable).toBe('COPILOT_ADMIN_TOKEN');
    expect(error.message).not.toContain('short');
  });
});
