import type { Db } from '../../../store/database.ts';
import type { CompiledPolicy } from '../../policy-contract.ts';
import { compilePolicy } from '../compile-policy.ts';
import { defaultPolicy } from '../default-policy.ts';
import { parsePolicy } from '../parse-policy.ts';
import { currentPolicyHead, getPolicyVersion } from './policy-versions.ts';

const MAX_CACHED = 16;
/** Compiled policies by `version:digest`: replicas read the head per call and compile each version once. */
const cache = new Map<string, CompiledPolicy>();

/**
 * The policy in force: the highest stored version, compiled (cached per process by version and digest, so
 * every replica switches as soon as a new version is stored). Before the store is seeded: the files in
 * guardrails/ as version 0.
 */
export async function getCurrentPolicy(db: Db): Promise<CompiledPolicy> {
  const head = await currentPolicyHead(db);
  if (!head) return defaultPolicy();
  const key = `${head.version}:${head.digest}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const stored = await getPolicyVersion(db, head.version);
  if (!stored) return defaultPolicy();
  const compiled = compilePolicy(
    parsePolicy(stored.text, { source: `policy v${head.version}` }),
    head.version,
  );
  cache.set(key, compiled);
  while (cache.size > MAX_CACHED) {
    const oldest = cache.keys().next().value;
    if (oldest === undefined) break;
    cache.delete(oldest);
  }
  return compiled;
}
