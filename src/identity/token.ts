/** API tokens: 32 random bytes, base64url, prefixed `icp_`; only the SHA-256 hex digest is stored. */
import { createHash, randomBytes } from 'node:crypto';

export const TOKEN_PREFIX = 'icp_';

export function generateToken(): string {
  return `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The bearer token of an Authorization header, or undefined. */
export function bearerToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}
