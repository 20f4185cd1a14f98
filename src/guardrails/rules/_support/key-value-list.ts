import type { CheckResult, Resolved, ResourceView } from '../../rule.ts';
import { asBool, fail, PASS, show, unknown } from './check-result.ts';

/**
 * The value of `key` in a list of {Key, Value} (or {Name, Value}) entries such as load balancer attributes
 * or ECS cluster settings: `{known: true, value: undefined}` when the key is not listed.
 */
export function keyValue(
  resource: ResourceView,
  listPath: string,
  key: string,
  names: { key: string; value: string } = { key: 'Key', value: 'Value' },
): Resolved & { path?: string } {
  const n = resource.length(listPath);
  if (!n.known) return n;
  let pending: Resolved | undefined;
  for (let i = 0; i < (n.value ?? 0); i++) {
    const k = resource.get(`${listPath}.${i}.${names.key}`);
    if (!k.known) {
      pending = k;
      continue;
    }
    if (k.value === key)
      return { ...resource.get(`${listPath}.${i}.${names.value}`), path: `${listPath}.${i}.${names.value}` };
  }
  return pending ?? { known: true, value: undefined };
}

/** The entry `key` of the {Key, Value} list at `listPath` must be true (load balancer attributes). */
export function expectKeyValueTrue(
  resource: ResourceView,
  listPath: string,
  key: string,
  what: string,
): CheckResult {
  const value = keyValue(resource, listPath, key);
  const path = value.path ?? listPath;
  if (!value.known) return unknown(path, value.reason);
  if (asBool(value.value) === true) return PASS;
  return fail(
    path,
    `${what}: attribute ${key} is ${show(value.value)}; expected "true"`,
    value.value,
    'true',
  );
}
