import type { CheckResult, ResourceView, TemplateIndex } from '../../rule.ts';
import { fail, PASS, show, unknown } from './check-result.ts';
import { rawAt } from './policy-statements.ts';
import { referencedResource } from './referenced-resource.ts';

/**
 * `alias/aws/<service>` (alone, in an alias ARN, or written without `alias/`) names the AWS managed key of a
 * service, not the team's own.
 */
const AWS_MANAGED_ALIAS = /(^|:)alias\/aws\/|^aws\//;

/** Whether a key id, ARN or alias names an AWS managed key. */
export function isAwsManagedKey(value: unknown): boolean {
  return typeof value === 'string' && AWS_MANAGED_ALIAS.test(value);
}

/**
 * The property at `path` must name a customer managed KMS key: set, and not an `alias/aws/...` alias. A key of
 * this template (`!Ref Key`, `!GetAtt Key.Arn`) is customer managed by definition; a symbolic value from
 * elsewhere (an import, a parameter without a value) is unknown.
 */
export function expectCustomerManagedKey(
  resource: ResourceView,
  index: TemplateIndex,
  path: string,
  what: string,
): CheckResult {
  const has = resource.has(path);
  if (!has.known) return unknown(path, has.reason);
  if (!has.value) {
    return fail(
      path,
      `${what}: ${path} is not set; expected a customer managed KMS key`,
      undefined,
      'a KMS key',
    );
  }
  if (referencedResource(resource, index, path) !== undefined) return PASS;
  const key = resource.get(path);
  if (!key.known) {
    // Known only at deploy time, but its literal text may already name an AWS managed alias (`!Sub ...:alias/aws/sns`).
    const raw = rawAt(resource, path);
    if (raw !== undefined && /alias\/aws\//.test(JSON.stringify(raw))) {
      return fail(
        path,
        `${what}: ${path} is ${show(raw)}, an AWS managed key; expected a customer managed KMS key`,
        raw,
        'a customer managed KMS key',
      );
    }
    return unknown(path, key.reason);
  }
  if (key.value === '') {
    return fail(path, `${what}: ${path} is empty; expected a customer managed KMS key`, '', 'a KMS key');
  }
  if (!isAwsManagedKey(key.value)) return PASS;
  return fail(
    path,
    `${what}: ${path} is ${show(key.value)}, an AWS managed key; expected a customer managed KMS key`,
    key.value,
    'a customer managed KMS key',
  );
}
