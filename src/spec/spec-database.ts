import { loadAwsServiceSpec, loadAwsServiceSpecSync } from '@aws-cdk/aws-service-spec';
import type { SpecDatabase } from '@aws-cdk/service-spec-types';

/**
 * Kept on globalThis under a registered symbol so one process loads it once even when a test runner
 * re-evaluates modules per test file.
 */
const KEY = Symbol.for('infra-copilot.spec-database');
interface Holder {
  database?: SpecDatabase;
  loading?: Promise<SpecDatabase>;
}
const registry = globalThis as Record<symbol, Holder | undefined>;
const holder: Holder = registry[KEY] ?? {};
registry[KEY] = holder;

/**
 * The CloudFormation resource specification (@aws-cdk/aws-service-spec), loaded once per process on first
 * use (about 70 MB of heap, a few hundred ms) and shared by every caller.
 */
export function specDatabase(): SpecDatabase {
  holder.database ??= loadAwsServiceSpecSync();
  return holder.database;
}

/** Load the specification in the background (at start-up, say) so the first validation is fast. */
export function preloadSpecDatabase(): Promise<SpecDatabase> {
  if (holder.database) return Promise.resolve(holder.database);
  holder.loading ??= loadAwsServiceSpec().then((db) => {
    holder.database ??= db;
    return holder.database;
  });
  return holder.loading;
}

export function isSpecDatabaseLoaded(): boolean {
  return holder.database !== undefined;
}
