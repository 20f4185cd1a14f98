import type { CheckResult, ResourceView } from '../../rule.ts';
import { unknown } from './check-result.ts';

/**
 * Whether an RDS resource is judged by a rule: DB instances that belong to an Aurora cluster take their
 * storage, backup, multi-AZ and deletion settings from the cluster, so instance rules skip them.
 * Returns a result to return as is (unknown), true to check, false to skip.
 */
export function standaloneInstance(resource: ResourceView): boolean | CheckResult {
  if (resource.type !== 'AWS::RDS::DBInstance') return true;
  const cluster = resource.has('DBClusterIdentifier');
  if (!cluster.known) return unknown('DBClusterIdentifier', cluster.reason);
  if (cluster.value) return false;
  const engine = resource.get('Engine');
  if (!engine.known) return unknown('Engine', engine.reason);
  return !(typeof engine.value === 'string' && engine.value.toLowerCase().startsWith('aurora'));
}

/** Properties that make a database a copy of another one: its storage encryption comes from the source. */
const COPY_SOURCES: Readonly<Record<string, readonly string[]>> = {
  'AWS::RDS::DBInstance': [
    'DBSnapshotIdentifier',
    'SourceDBInstanceIdentifier',
    'SourceDBInstanceAutomatedBackupsArn',
    'SourceDbiResourceId',
  ],
  'AWS::RDS::DBCluster': ['SnapshotIdentifier', 'SourceDBClusterIdentifier'],
};

/**
 * The property naming the snapshot, replica source or point-in-time source a database is created from, when
 * it is one: CloudFormation ignores StorageEncrypted there (the copy inherits the source's encryption).
 */
export function copiedFrom(resource: ResourceView): string | undefined {
  for (const property of COPY_SOURCES[resource.type] ?? []) {
    const has = resource.has(property);
    if (!has.known || has.value) return property;
  }
  return undefined;
}
