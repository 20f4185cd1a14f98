import type { FieldError } from '../http/errors/validation-error.ts';
import type { CreateWaiverInput } from './waiver-input.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The checks on a waiver that depend on time, the policy and the rules: expiry in the future and at most
 * `maxDays` away; the rule exists. Returns field errors (`body.expiresAt`, `body.ruleId`), empty when valid.
 */
export function validateWaiver(
  input: CreateWaiverInput,
  options: { now: Date; maxDays: number; knownRuleIds?: ReadonlySet<string> },
): FieldError[] {
  const errors: FieldError[] = [];
  const expires = Date.parse(input.expiresAt);
  const latest = options.now.getTime() + options.maxDays * DAY_MS;
  if (!Number.isFinite(expires)) {
    errors.push({ path: 'body.expiresAt', message: 'expected an ISO 8601 timestamp' });
  } else if (expires <= options.now.getTime()) {
    errors.push({
      path: 'body.expiresAt',
      message: `${input.expiresAt} is in the past; expected a time after ${options.now.toISOString()}`,
    });
  } else if (expires > latest) {
    errors.push({
      path: 'body.expiresAt',
      message: `${input.expiresAt} is more than ${options.maxDays} days away (the policy maximum); expected ${new Date(latest).toISOString()} or earlier`,
    });
  }
  if (options.knownRuleIds && !options.knownRuleIds.has(input.ruleId)) {
    errors.push({
      path: 'body.ruleId',
      message: `unknown rule "${input.ruleId}"; expected a built-in or custom rule id`,
    });
  }
  return errors;
}
