/** Heuristics for secrets written in plain text (environment variables, user data). */

const SECRET_NAME = /(password|passwd|secret|token|api_?key|private_?key|access_?key|credential)/i;
/** Names that carry a pointer to a secret (its ARN, name, path or id), not the secret itself. */
const POINTER_NAME = /(_arn|_name|_id|_path|_param(eter)?|_ref|_url|_file|_endpoint)$/i;
const AWS_ACCESS_KEY = /\b(AKIA|ASIA)[0-9A-Z]{16}\b/;
const PRIVATE_KEY = /-----BEGIN ([A-Z]+ )?PRIVATE KEY-----/;
/**
 * A secret access key assigned in a script: AWS secret access keys are 40 characters of base64. A shorter
 * value (`=bar`), a variable (`=$KEY`) or a command (`=$(aws ssm get-parameter ...)`) is not one.
 */
const AWS_SECRET_ACCESS_KEY = /aws_secret_access_key\s*[=:]\s*['"]?[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/i;

/** Why a name/value pair looks like a plain-text secret, or undefined when it does not. */
export function secretReason(name: string, value: string): string | undefined {
  if (AWS_ACCESS_KEY.test(value)) return 'an AWS access key id';
  if (PRIVATE_KEY.test(value)) return 'a private key';
  if (value.includes('{{resolve:')) return undefined;
  if (SECRET_NAME.test(name) && !POINTER_NAME.test(name) && value.length >= 8 && !value.startsWith('arn:')) {
    return `a literal value for ${name}`;
  }
  return undefined;
}

/** Why a free text (user data, a script) looks like it holds secrets, or undefined. */
export function textSecretReason(text: string): string | undefined {
  if (AWS_ACCESS_KEY.test(text)) return 'an AWS access key id';
  if (PRIVATE_KEY.test(text)) return 'a private key';
  if (AWS_SECRET_ACCESS_KEY.test(text)) return 'an AWS secret access key';
  if (/(password|passwd)\s*[=:]\s*['"]?[^\s'"$]{6,}/i.test(text)) return 'a password';
  return undefined;
}
