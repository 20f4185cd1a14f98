import { expect, it } from 'vitest';
import { redactSecrets } from '../../src/planner/llm/redact-secrets.ts';

it('redacts keys, tokens, passwords, private keys and credentials in URLs', () => {
  const text = [
    'access key AKIAIOSFODNN7EXAMPLE and secret wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    'openai sk-proj-abcdefghijklmnopqrstuvwx, slack xoxb-1234567890-abcdefghij',
    'jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
    'DB password: hunter2hunter2 and postgres://app:pa55word@db.internal:5432/app',
    '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA PRIVATE KEY-----',
  ].join('\n');
  const { text: out, redactions } = redactSecrets(text);
  for (const secret of [
    'AKIAIOSFODNN7EXAMPLE',
    'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    'sk-proj-abcdefghijklmnopqrstuvwx',
    'xoxb-1234567890-abcdefghij',
    'eyJhbGciOiJIUzI1NiJ9',
    'hunter2hunter2',
    'pa55word',
    'MIIEowIBAAKCAQEA',
  ]) {
    expect(out).not.toContain(secret);
  }
  expect(redactions).toBeGreaterThanOrEqual(8);
  expect(out).toContain('postgres://app:[REDACTED]@db.internal:5432/app');
});

it('leaves ordinary infrastructure talk alone', () => {
  const text =
    'a Postgres db.r6g.large with 500 GB, multi-AZ, team payments in eu-west-1; a secret for the Stripe key';
  expect(redactSecrets(text)).toEqual({ text, redactions: 0 });
});
