import type { CheckResult, ResourceView, TemplateFix } from '../../rule.ts';
import { expectAtLeast, expectBool } from './check-result.ts';
import { setProperty } from './template-patch.ts';

/**
 * Settings that DocumentDB and Neptune clusters spell as RDS does, checked and fixed the same way for both
 * (each service keeps its own rule: they cite different references).
 */
interface ClusterSetting {
  check(cluster: ResourceView): CheckResult;
  readonly fix: TemplateFix<Record<string, never>>;
}

export const BACKUP_RETENTION: ClusterSetting = {
  check: (cluster) =>
    expectAtLeast(cluster, 'BackupRetentionPeriod', 7, 'Backups are kept too briefly', { absent: 1 }),
  fix: {
    description: 'keep backups for 7 days (backup storage beyond the cluster size is billed)',
    safe: false,
    patch: (cluster) => setProperty(cluster, 'BackupRetentionPeriod', 7),
  },
};

export const STORAGE_ENCRYPTED: ClusterSetting = {
  check: (cluster) =>
    expectBool(cluster, 'StorageEncrypted', true, 'The cluster is not encrypted', { absent: false }),
  fix: {
    description: 'encrypt the cluster (replaces it: restore the data from a snapshot)',
    safe: false,
    patch: (cluster) => setProperty(cluster, 'StorageEncrypted', true),
  },
};

export const DELETION_PROTECTION: ClusterSetting = {
  check: (cluster) =>
    expectBool(cluster, 'DeletionProtection', true, 'The cluster can be deleted', { absent: false }),
  fix: {
    description: 'turn on deletion protection',
    safe: true,
    patch: (cluster) => setProperty(cluster, 'DeletionProtection', true),
  },
};
