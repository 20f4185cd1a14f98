/**
 * What people type into a chat that the maintained secretlint set (tuned for files, where a bare word after
 * "password" is usually a placeholder) does not catch: a value announced as a password, token or key, a JWT,
 * a bearer token. Each pattern marks the secret itself as the group `secret`; the label says what it was.
 */
export interface ChatSecretPattern {
  label: string;
  pattern: RegExp;
}

export const CHAT_SECRET_PATTERNS: readonly ChatSecretPattern[] = [
  {
    label: 'password',
    pattern:
      /\b(?:password|passwd|pwd|passphrase|secret|token|api[ _-]?key|access[ _-]?key|client[ _-]?secret|private[ _-]?key)\s*(?:is|was|=|:|->)\s*["'`]?(?<secret>[^\s"'`,;]{6,})/gi,
  },
  { label: 'JWT', pattern: /\b(?<secret>eyJ[\w-]{5,}\.[\w-]{5,}\.[\w-]{5,})/g },
  { label: 'bearer token', pattern: /\bbearer\s+(?<secret>[\w.~+/=-]{16,})/gi },
];
