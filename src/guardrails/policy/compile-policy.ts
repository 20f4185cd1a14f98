import type { CompiledPolicy } from '../policy-contract.ts';
import { compileCustomRule } from './compile-custom-rule.ts';
import type { Policy } from './policy-schema.ts';

/** Compiles a parsed policy into what the engine consumes. `version` is the store version (0 for files). */
export function compilePolicy(policy: Policy, version = 0): CompiledPolicy {
  return {
    version,
    customRules: policy.customRules.map(compileCustomRule),
    settings: policy.rules,
    waiverMaxDays: policy.waivers.maxDays,
    ...(policy.deployment ? { deployment: policy.deployment } : {}),
    honourInlineSuppressions: policy.honourInlineSuppressions === true,
  };
}
