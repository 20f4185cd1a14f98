/**
 * Removes anything secret-looking from text before it is sent to a model: AWS keys, tokens, passwords,
 * private keys, credentials in connection strings. Replacements say what was removed, never the value.
 */
const RULES: readonly [RegExp, string][] = [
  [
    /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g,
    '[REDACTED private key]',
  ],
  [/\b(?:AKIA|ASIA|AROA|AIDA)[A-Z0-9]{16}\b/g, '[REDACTED AWS access key]'],
  [/(aws_?secret_?access_?key|secret_?access_?key)(["'\s:=]+)[A-Za-z0-9/+=]{40}/gi, '$1$2[REDACTED]'],
  [
    /(?<![A-Za-z0-9/+])(?=[A-Za-z0-9/+]{0,39}[/+])(?=[A-Za-z0-9/+]{0,39}\d)[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+])/g,
    '[REDACTED secret]',
  ],
  [/\bsk-(?:proj-|live-|test-)?[A-Za-z0-9_-]{16,}\b/g, '[REDACTED API key]'],
  [/\b(?:xox[abposr]|xapp)-[A-Za-z0-9-]{10,}\b/g, '[REDACTED Slack token]'],
  [/\bgh[pousr]_[A-Za-z0-9]{20,}\b/g, '[REDACTED GitHub token]'],
  [/\bgithub_pat_[A-Za-z0-9_]{20,}\b/g, '[REDACTED GitHub token]'],
  [/\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\b/g, '[REDACTED JWT]'],
  [/\b(bearer)\s+[A-Za-z0-9._~+/=-]{12,}/gi, '$1 [REDACTED]'],
  [/\b([a-z][a-z0-9+.-]*:\/\/)([^\s:/@]+):([^\s@/]+)@/gi, '$1$2:[REDACTED]@'],
  [
    /\b(password|passwd|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|client[_-]?secret|private[_-]?key)(\s*(?:is|=|:)\s*)(["']?)[^\s"',;]{4,}\3/gi,
    '$1$2[REDACTED]',
  ],
];

export function redactSecrets(text: string): { text: string; redactions: number } {
  let redactions = 0;
  let out = text;
  for (const [pattern, replacement] of RULES) {
    out = out.replace(pattern, (...args: unknown[]) => {
      redactions++;
      const groups = args.slice(1, -2) as (string | undefined)[];
      return replacement.replace(/\$(\d)/g, (_, n: string) => groups[Number(n) - 1] ?? '');
    });
  }
  return { text: out, redactions };
}
