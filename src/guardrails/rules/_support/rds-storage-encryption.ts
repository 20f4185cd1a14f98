import type { CheckResult, ResourceView } from '../../rule.ts';
import { PASS } from './check-result.ts';
import { copiedFrom, standaloneInstance } from './rds-engine.ts';

/**
 * Storage encryption of an RDS instance or cluster. Instances of an Aurora cluster are skipped (the cluster
 * decides). A copy of another database (snapshot restore, read replica, point-in-time restore) takes its
 * encryption from the source and CloudFormation ignores StorageEncrypted on it, so there is nothing to set
 * here: the source is judged where it is declared.
 */
export function storageEncryptionCheck(db: ResourceView, check: () => CheckResult): CheckResult {
  const applies = standaloneInstance(db);
  if (applies !== true) return applies === false ? PASS : applies;
  return copiedFrom(db) === undefined ? check() : PASS;
}
