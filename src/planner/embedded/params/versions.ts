import type { ComponentKind } from '../../../model/kinds.ts';

const SIZE_UNITS = /^(gb|gib|mb|mib|tb|vcpus?|cpus?|days?|nodes?|hours?|instances?|replicas?|shards?|x|%)$/;

/** The version param a number right after a product name sets, or null when the number is not a version. */
export function versionAfter(
  kind: ComponentKind,
  word: string | undefined,
  unit: string | undefined,
): { name: string; value: string } | null {
  if (!word || !/^\d+(\.\d+)*$/.test(word) || (unit && SIZE_UNITS.test(unit))) return null;
  if (kind === 'postgres' || kind === 'mysql') return { name: 'engine_version', value: word };
  if (kind === 'cache' && /^\d+\.\d+$/.test(word)) return { name: 'engine_version', value: word };
  if (kind === 'search' && /^\d+\.\d+$/.test(word))
    return { name: 'engine_version', value: `OpenSearch_${word}` };
  if (kind === 'k8s_cluster' && /^1\.\d+$/.test(word)) return { name: 'version', value: word };
  return null;
}
