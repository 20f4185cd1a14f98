import { describe, expect, it } from 'vitest';
import { signSlackRequest, verifySlackSignature } from '../../src/slack/verify-slack-signature.ts';

const secret = '8f742231b10e8888abcd99yyyzzz85a5';
const body = 'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&command=%2Finfra&text=help';

describe('verifySlackSignature', () => {
  const now = 1_700_000_000;
  const ts = String(now - 10);

  it('accepts the signature Slack would compute over the raw body', () => {
    const signature = signSlackRequest(secret, ts, body);
    expect(signature).toMatch(/^v0=[0-9a-f]{64}$/);
    expect(
      verifySlackSignature({
        signingSecret: secret,
        rawBody: body,
        timestamp: ts,
        signature,
        nowSeconds: now,
      }),
    ).toEqual({ ok: true });
  });

  it('matches the worked example from Slack documentation', () => {
    // Slack's documented example: secret, timestamp and body give this exact signature.
    const signature = signSlackRequest(
      '8f742231b10e8888abcd99yyyzzz85a5',
      '1531420618',
      'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c',
    );
    expect(signature).toBe('v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503');
  });

  it('refuses a body changed after signing', () => {
    const signature = signSlackRequest(secret, ts, body);
    const verdict = verifySlackSignature({
      signingSecret: secret,
      rawBody: `${body}&x=1`,
      timestamp: ts,
      signature,
      nowSeconds: now,
    });
    expect(verdict).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('refuses a signature made with another secret, or truncated', () => {
    const other = signSlackRequest('another-secret', ts, body);
    expect(
      verifySlackSignature({
        signingSecret: secret,
        rawBody: body,
        timestamp: ts,
        signature: other,
        nowSeconds: now,
      }).ok,
    ).toBe(false);
    const truncated = signSlackRequest(secret, ts, body).slice(0, 20);
    expect(
      verifySlackSignature({
        signingSecret: secret,
        rawBody: body,
        timestamp: ts,
        signature: truncated,
        nowSeconds: now,
      }),
    ).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('refuses timestamps outside the five-minute window, both ways', () => {
    for (const skew of [301, -301]) {
      const old = String(now - skew);
      const signature = signSlackRequest(secret, old, body);
      expect(
        verifySlackSignature({
          signingSecret: secret,
          rawBody: body,
          timestamp: old,
          signature,
          nowSeconds: now,
        }),
      ).toEqual({ ok: false, reason: 'stale-timestamp' });
    }
  });

  it('refuses missing headers and non-numeric timestamps', () => {
    expect(
      verifySlackSignature({
        signingSecret: secret,
        rawBody: body,
        timestamp: undefined,
        signature: 'v0=00',
        nowSeconds: now,
      }),
    ).toEqual({ ok: false, reason: 'missing-headers' });
    expect(
      verifySlackSignature({
        signingSecret: secret,
        rawBody: body,
        timestamp: '12ab',
        signature: 'v0=00',
        nowSeconds: now,
      }),
    ).toEqual({ ok: false, reason: 'malformed-timestamp' });
  });
});
