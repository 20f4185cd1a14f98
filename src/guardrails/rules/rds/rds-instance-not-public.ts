import { defineTemplateRule } from '../../rule.ts';
import { expectBool, unknown } from '../_support/check-result.ts';
import { setProperty } from '../_support/template-patch.ts';

export default defineTemplateRule({
  id: 'rds-instance-not-public',
  title: 'RDS instances are not publicly accessible',
  severity: 'error',
  rationale:
    'A publicly accessible database gets a public DNS name and address, one security group rule away from the internet.',
  remediation:
    'Set PubliclyAccessible to false and reach the database from inside the VPC (or through a bastion / SSM).',
  references: ['https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html'],
  resourceTypes: ['AWS::RDS::DBInstance'],
  check: (db) => {
    // Unset, the default depends on the network: with no subnet group (and no cluster supplying one) the
    // instance goes to the default VPC, where RDS makes it publicly accessible.
    const placed = ['DBSubnetGroupName', 'DBClusterIdentifier'].map((path) => db.has(path));
    const undecided = placed.find((has) => !has.known);
    if (undecided && !undecided.known) return unknown('DBSubnetGroupName', undecided.reason);
    const inDefaultVpc = placed.every((has) => has.known && !has.value);
    return expectBool(
      db,
      'PubliclyAccessible',
      false,
      inDefaultVpc
        ? 'The database is publicly accessible (PubliclyAccessible unset with no DBSubnetGroupName: the default VPC makes it public)'
        : 'The database is publicly accessible',
      { absent: inDefaultVpc },
    );
  },
  fix: {
    description: 'make the instance private',
    safe: false,
    patch: (db) => setProperty(db, 'PubliclyAccessible', false),
  },
});
