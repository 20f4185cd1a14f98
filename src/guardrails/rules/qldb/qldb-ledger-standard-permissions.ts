import { defineTemplateRule } from '../../rule.ts';
import { expectOneOf } from '../_support/check-result.ts';

export default defineTemplateRule({
  id: 'qldb-ledger-standard-permissions',
  title: 'QLDB ledgers use the STANDARD permissions mode',
  severity: 'warning',
  rationale:
    'In ALLOW_ALL mode, anyone allowed to send commands to the ledger may read and write every table; STANDARD checks IAM per table and per statement.',
  remediation: 'Set PermissionsMode to STANDARD and grant qldb:PartiQL* actions per table.',
  references: ['CKV_AWS_170'],
  resourceTypes: ['AWS::QLDB::Ledger'],
  check: (ledger) =>
    expectOneOf(ledger, 'PermissionsMode', ['STANDARD'], 'Every table is open to every ledger user'),
});
