import { createHmac, timingSafeEqual } from 'node:crypto';

/** Slack signs every request: v0=HMAC-SHA256(secret, `v0:${timestamp}:${rawBody}`), hex. */
export type SignatureVerdict =
  | { ok: true }
  | { ok: false; reason: 'missing-headers' | 'malformed-timestamp' | 'stale-timestamp' | 'bad-signature' };

export interface SignatureInput {
  signingSecret: string;
  rawBody: string | Buffer;
  timestamp: string | undefined;
  signature: string | undefined;
  /** Seconds since the epoch; defaults to now. */
  nowSeconds?: number;
  /** Slack's replay window: 5 minutes. */
  toleranceSeconds?: number;
}

export function signSlackRequest(signingSecret: string, timestamp: string, rawBody: string | Buffer): string {
  const hmac = createHmac('sha256', signingSecret);
  hmac.update(`v0:${timestamp}:`);
  hmac.update(rawBody);
  return `v0=${hmac.digest('hex')}`;
}

export function verifySlackSignature(input: SignatureInput): SignatureVerdict {
  const { timestamp, signature } = input;
  if (!timestamp || !signature) return { ok: false, reason: 'missing-headers' };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'malformed-timestamp' };
  const now = input.nowSeconds ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - Number(timestamp)) > (input.toleranceSeconds ?? 300)) {
    return { ok: false, reason: 'stale-timestamp' };
  }
  const expected = Buffer.from(signSlackRequest(input.signingSecret, timestamp, input.rawBody));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: 'bad-signature' };
  }
  return { ok: true };
}
