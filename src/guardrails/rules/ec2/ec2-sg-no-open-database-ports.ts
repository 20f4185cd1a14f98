import { defineTemplateRule } from '../../rule.ts';
import { checkOpenIngress, coversPort, INGRESS_TYPES } from '../_support/security-group-ingress.ts';

/** Database, cache and search ports that must never face the internet. */
const PORTS: Readonly<Record<number, string>> = {
  1433: 'SQL Server',
  1521: 'Oracle',
  2049: 'NFS',
  3306: 'MySQL',
  5432: 'PostgreSQL',
  5439: 'Redshift',
  6379: 'Redis',
  9042: 'Cassandra',
  9200: 'OpenSearch',
  11211: 'Memcached',
  27017: 'MongoDB',
};

export default defineTemplateRule({
  id: 'ec2-sg-no-open-database-ports',
  title: 'Security groups do not open database, cache or file system ports to the internet',
  severity: 'error',
  rationale:
    'Databases, caches and NFS exposed to the internet are found by scanners and often have weak or no authentication.',
  remediation: 'Allow the port only from the security groups of the services that connect.',
  references: ['AwsSolutions-EC23'],
  resourceTypes: INGRESS_TYPES,
  check: (group, { index }) =>
    checkOpenIngress(group, index, 'A data store port is open to the internet', (rule) => {
      if (rule.allPorts) return undefined; // ec2-sg-no-open-all-ports reports it
      const hit = Object.keys(PORTS)
        .map(Number)
        .filter((port) => coversPort(rule, port));
      return hit.length > 0
        ? `no internet access to ${hit.map((p) => `${PORTS[p]} (${p})`).join(', ')}`
        : undefined;
    }),
});
