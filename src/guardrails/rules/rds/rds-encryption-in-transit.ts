import type { CheckResult, ResourceView, TemplateIndex } from '../../rule.ts';
import { defineTemplateRule } from '../../rule.ts';
import { asNumber, fail, PASS, read, show, unknown } from '../_support/check-result.ts';
import { standaloneInstance } from '../_support/rds-engine.ts';
import { referencedResource } from '../_support/referenced-resource.ts';

/** The parameter that makes an engine refuse unencrypted connections, by parameter group family. */
interface TlsParameter {
  readonly family: RegExp;
  readonly name: string;
  readonly accepted: readonly string[];
}

const TLS_PARAMETERS: readonly TlsParameter[] = [
  { family: /^postgres|sqlserver/, name: 'rds.force_ssl', accepted: ['1', 'true'] },
  { family: /^(mysql|mariadb)/, name: 'require_secure_transport', accepted: ['1', 'on', 'true'] },
  { family: /db2/, name: 'db2comm', accepted: ['ssl'] },
];

/**
 * Families whose default value of rds.force_ssl is 1: PostgreSQL 15 and later
 * (https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/PostgreSQL.Concepts.General.SSL.html).
 */
const FORCE_SSL_BY_DEFAULT = new Set(['postgres15', 'postgres16', 'postgres17']);

/** Engines whose default parameter group leaves unencrypted connections allowed. */
const PLAIN_BY_DEFAULT = /^(mysql|mariadb|sqlserver|db2)/;

function checkGroup(group: ResourceView): CheckResult {
  const family = read(group, 'Family');
  if ('result' in family)
    return unknown('DBParameterGroupName', `parameter group ${group.logicalId}: Family is unknown`);
  const name = String(family.value ?? '').toLowerCase();
  const tls = TLS_PARAMETERS.find((p) => p.family.test(name));
  if (tls === undefined) return PASS; // Oracle and others negotiate TLS through option groups, not parameters.
  const parameters = group.get('Parameters');
  if (!parameters.known)
    return unknown('DBParameterGroupName', `parameter group ${group.logicalId}: ${parameters.reason}`);
  const value = (parameters.value as Record<string, unknown> | undefined)?.[tls.name];
  if (value === undefined && FORCE_SSL_BY_DEFAULT.has(name)) return PASS;
  if (value !== undefined && tls.accepted.includes(String(value).toLowerCase())) return PASS;
  return fail(
    'DBParameterGroupName',
    `Parameter group ${group.logicalId} (${name}) lets clients connect unencrypted: ${tls.name} is ${show(value)}; expected ${tls.accepted[0]}`,
    value,
    tls.accepted[0],
  );
}

/** The instance that states the engine: a read replica of an instance of this template takes its source's. */
function engineSource(db: ResourceView, index: TemplateIndex): ResourceView {
  const has = db.has('Engine');
  if (!has.known || has.value) return db;
  const source = referencedResource(db, index, 'SourceDBInstanceIdentifier');
  return source?.type === 'AWS::RDS::DBInstance' ? source : db;
}

/** Without a parameter group of its own the instance uses the engine's default group. */
function checkDefaultGroup(db: ResourceView, index: TemplateIndex): CheckResult {
  const source = engineSource(db, index);
  const engine = read(source, 'Engine');
  if ('result' in engine) return engine.result;
  if (typeof engine.value !== 'string')
    return unknown('Engine', 'the engine is not set, so its default parameters are unknown');
  const name = engine.value.toLowerCase();
  if (name === 'postgres') {
    const version = read(source, 'EngineVersion');
    if ('result' in version) return version.result;
    const major = asNumber(String(version.value ?? '').split('.')[0]);
    // Unset: RDS picks its current default version, which forces SSL.
    if (version.value === undefined || (major !== undefined && major >= 15)) return PASS;
  } else if (!PLAIN_BY_DEFAULT.test(name)) return PASS;
  return fail(
    'DBParameterGroupName',
    `The default parameter group of ${engine.value} lets clients connect unencrypted; expected a parameter group that requires TLS`,
    undefined,
    'a parameter group that requires TLS',
  );
}

export default defineTemplateRule({
  id: 'rds-encryption-in-transit',
  title: 'RDS instances refuse unencrypted connections',
  severity: 'warning',
  rationale:
    'Unless the parameter group requires TLS, a client (or a misconfigured driver) can send credentials and query results over the network in clear text.',
  remediation:
    'Use a DB parameter group that sets rds.force_ssl to 1 (PostgreSQL, SQL Server), require_secure_transport to 1 (MySQL, MariaDB) or db2comm to SSL (Db2).',
  references: ['CKV2_AWS_69'],
  resourceTypes: ['AWS::RDS::DBInstance'],
  check: (db, { index }) => {
    const applies = standaloneInstance(db);
    if (applies !== true) return applies === false ? PASS : applies;
    const group = referencedResource(db, index, 'DBParameterGroupName');
    if (group?.type === 'AWS::RDS::DBParameterGroup') return checkGroup(group);
    const name = read(db, 'DBParameterGroupName');
    if ('result' in name) return name.result;
    if (name.value === undefined || (typeof name.value === 'string' && name.value.startsWith('default.')))
      return checkDefaultGroup(db, index);
    return unknown('DBParameterGroupName', 'the parameter group is defined outside this template');
  },
});
