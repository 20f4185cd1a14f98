import type { CheckResult, Resolved, ResourceView, TemplateIndex } from '../../rule.ts';
import { fail, unknown } from './check-result.ts';
import type { StatementOptions } from './policy-statements.ts';
import { checkStatements, isRecord } from './policy-statements.ts';

/**
 * The shared shape of the "resource policy is not public" rules: an Allow statement with Principal "*"
 * (or NotPrincipal) and no Condition fails.
 */
/** Condition keys whose values come from request headers the caller chooses: they restrict nobody. */
const SPOOFABLE_KEYS = new Set(['aws:referer', 'aws:useragent']);

/**
 * The spoofable keys a Condition block tests, when it tests nothing else (`aws:Referer`); false when it
 * tests another key or cannot be read.
 */
function onlySpoofableKeys(condition: Resolved): string | false {
  if (!condition.known || !isRecord(condition.value)) return false;
  const keys = Object.values(condition.value).flatMap((test) => (isRecord(test) ? Object.keys(test) : ['?']));
  if (keys.length === 0 || !keys.every((key) => SPOOFABLE_KEYS.has(key.toLowerCase()))) return false;
  return [...new Set(keys)].join(', ');
}

export function checkNoPublicPrincipal(
  resource: ResourceView,
  index: TemplateIndex,
  what: string,
  options: StatementOptions = {},
): CheckResult | readonly CheckResult[] {
  return checkStatements(
    resource,
    index,
    (s) => {
      const open = s.principalIsPublic();
      if (!open.known) return unknown(`${s.path}.Principal`, open.reason);
      if (!open.value) return undefined;
      const condition = s.has('Condition');
      if (!condition.known) return unknown(`${s.path}.Condition`, condition.reason);
      const spoofable = condition.value ? onlySpoofableKeys(s.get('Condition')) : false;
      if (condition.value && !spoofable) return undefined;
      return fail(
        `${s.path}.Principal`,
        spoofable
          ? `${what}: the statement allows Principal "*" with a Condition only on ${spoofable}, which any client can send; expected specific principals or a Condition that narrows them`
          : `${what}: the statement allows Principal "*" with no Condition; expected specific principals or a Condition that narrows them`,
        '*',
        'specific principals',
      );
    },
    options,
  );
}
