/**
 * Whether a word looks like a secret rather than a name: access keys ("AKIA…"), tokens with prefixes
 * ("xoxb-", "ghp_", "sk-"), long runs mixing letters and digits, or a redaction marker. Such words never
 * become component or app names.
 */
export function looksSecret(word: string): boolean {
  if (/^(AKIA|ASIA|AGPA|AIDA|AROA)[A-Z0-9]{12,}$/.test(word)) return true;
  if (/^(xox[abposr]|ghp|gho|ghu|ghs|github_pat|sk|pk|rk|glpat|npm)[-_]/i.test(word)) return true;
  if (/redacted/i.test(word)) return true;
  const letters = (word.match(/[a-z]/gi) ?? []).length;
  const digits = (word.match(/\d/g) ?? []).length;
  if (word.length >= 6 && letters > 0 && digits > 0 && !/^[a-z]+\d{1,3}$/i.test(word)) {
    // "db2", "s3", "ec2", "v8", "r6g" are names; "hunter2x9", "a8f3k2l" are not
    return word.length >= 8 || digits >= 2;
  }
  return word.length >= 20 && /^[A-Za-z0-9+/=_-]+$/.test(word);
}
