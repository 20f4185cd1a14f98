import { defineTemplateRule } from '../../rule.ts';
import { expectBool } from '../_support/check-result.ts';
import { setProperty } from '../_support/template-patch.ts';

export default defineTemplateRule({
  id: 'elasticache-encryption-in-transit',
  title: 'ElastiCache replication groups encrypt traffic in transit',
  severity: 'error',
  rationale: 'Without TLS, cached data and AUTH tokens travel in clear text inside the VPC.',
  remediation: 'Set TransitEncryptionEnabled to true and connect with TLS.',
  references: ['CKV_AWS_30', 'AwsSolutions-AEC3'],
  resourceTypes: ['AWS::ElastiCache::ReplicationGroup'],
  check: (group) =>
    expectBool(group, 'TransitEncryptionEnabled', true, 'Traffic is not encrypted', { absent: false }),
  fix: {
    description: 'encrypt in transit (clients must connect with TLS)',
    safe: false,
    patch: (group) => setProperty(group, 'TransitEncryptionEnabled', true),
  },
});
