import { fileURLToPath } from 'node:url';
import type { CompiledPolicy } from '../policy-contract.ts';
import { compilePolicy } from './compile-policy.ts';
import { joinPolicyFiles, loadPolicyDir, readPolicyFiles } from './load-policy-dir.ts';
import type { Policy } from './policy-schema.ts';

/** The repository's guardrails/ folder (the same relative place from src/ and from dist/). */
export const DEFAULT_POLICY_DIR = fileURLToPath(new URL('../../../guardrails/', import.meta.url));

let cached: Promise<Policy> | undefined;
let compiled: Promise<CompiledPolicy> | undefined;

/** The policy in guardrails/, parsed once per process. */
export function defaultPolicySource(): Promise<Policy> {
  cached ??= loadPolicyDir(DEFAULT_POLICY_DIR);
  return cached;
}

/** The policy in guardrails/, compiled once as version 0 (before the store seeds it as version 1). */
export function defaultPolicy(): Promise<CompiledPolicy> {
  compiled ??= defaultPolicySource().then((policy) => compilePolicy(policy, 0));
  return compiled;
}

/** The text that seeds version 1 of the policy set in the store. */
export async function defaultPolicyText(): Promise<string> {
  return joinPolicyFiles(await readPolicyFiles(DEFAULT_POLICY_DIR));
}
