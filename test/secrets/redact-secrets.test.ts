import { expect, it } from 'vitest';
import { redactSecrets } from '../../src/secrets/redact-secrets.ts';

it('redacts tokens, keys, credentials in URLs and announced passwords, keeping the rest of the sentence', async () => {
  const { text, redacted } = await redactSecrets(
    'deploy with 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; aws_secret_access_key = Zk2v9Qm8R4tYp1Xw7Lc3Nd6Hs0Bf5Gj2Ka8Ue4Vi, ' +
      'key AKIAZ3MHALQXKD7RTWPB. The admin password is "hunter2hunter2" and the JWT ' +
      'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
  );
  for (const secret of [
    'ghp_wWPw5k4a',
    'Zk2v9Qm8R4',
    'AKIAZ3MHALQXKD7RTWPB',
    'hunter2hunter2',
    'eyJhbGciOiJIUzI1NiJ9',
  ]) {
    expect(text).not.toContain(secret);
  }
  expect(text).toBe(
    'deploy with [redacted github]; [redacted aws], key [redacted aws]. The admin password is "[redacted password]" and the JWT [redacted JWT]',
  );
  expect(redacted).toEqual(['github', 'aws', 'aws', 'password', 'JWT']);
});

it('cannot be switched off from inside the message', async () => {
  const { text } = await redactSecrets(
    '// secretlint-disable\nthe bot token xoxb-1234567890-1234567890123-abcdefghijklmnopqrstuvwx',
  );
  expect(text).toBe('// secretlint-disable\nthe bot token [redacted slack]');
});

it('leaves ordinary infrastructure talk alone', async () => {
  const text =
    'a Postgres db.r6g.large with 500 GB, multi-AZ, team payments in eu-west-1; a secret for the Stripe key; ' +
    'token bucket rate limiting, and a password policy of 12 characters';
  expect(await redactSecrets(text)).toEqual({ text, redacted: [] });
});
