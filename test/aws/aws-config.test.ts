import { describe, expect, it } from 'vitest';
import { AwsNotConfiguredError } from '../../src/aws/aws-errors.ts';
import { createCloudFormationClient, isAwsConfigured } from '../../src/aws/cloudformation-client.ts';
import { loadConfig } from '../../src/config/config.ts';
import { ConfigError } from '../../src/config/config-error.ts';

describe('AWS configuration', () => {
  it('leaves AWS off unless AWS_REGION is set, and exports by default', () => {
    const config = loadConfig({});
    expect(config.APPLY_MODE).toBe('export');
    expect(isAwsConfigured(config)).toBe(false);
    expect(() => createCloudFormationClient(config)).toThrow(AwsNotConfiguredError);
  });

  it('accepts the three apply modes and names the variable of a bad value', () => {
    for (const mode of ['export', 'changeset', 'execute'] as const) {
      expect(loadConfig({ APPLY_MODE: mode }).APPLY_MODE).toBe(mode);
    }
    expect(() => loadConfig({ APPLY_MODE: 'apply' })).toThrow(ConfigError);
    expect(() => loadConfig({ APPLY_MODE: 'apply' })).toThrow(
      /APPLY_MODE: expected export, changeset or execute/,
    );
    expect(() => loadConfig({ AWS_REGION: 'Europe' })).toThrow(
      /AWS_REGION: expected an AWS region such as eu-west-1/,
    );
  });

  it('points the client at CFN_ENDPOINT', async () => {
    const client = createCloudFormationClient({
      AWS_REGION: 'eu-west-1',
      CFN_ENDPOINT: 'http://127.0.0.1:9999',
    });
    expect(await client.config.region()).toBe('eu-west-1');
    const endpoint = await client.config.endpoint?.();
    expect(endpoint?.hostname).toBe('127.0.0.1');
    expect(endpoint?.port).toBe(9999);
    client.destroy();
  });
});
