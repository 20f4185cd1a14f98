import type { CfnValue } from './cfn.ts';
import type { Inbound } from './kind-definition.ts';

/**
 * The names and endpoints a workload's connections hand it, plus each secret's ARN as `<NAME>_ARN` (for
 * compute without secret injection: the code fetches the value at start), sorted by name.
 */
export function envWithSecretArns(inbound: Pick<Inbound, 'env' | 'secrets'>): Record<string, CfnValue> {
  const all: Record<string, CfnValue> = { ...inbound.env };
  for (const [name, arn] of Object.entries(inbound.secrets)) all[`${name}_ARN`] = arn;
  const sorted: Record<string, CfnValue> = {};
  for (const name of Object.keys(all).sort()) sorted[name] = all[name]!;
  return sorted;
}
