import { defineTemplateRule } from '../../rule.ts';
import { expectBool } from '../_support/check-result.ts';

export default defineTemplateRule({
  id: 'qldb-ledger-deletion-protection',
  title: 'QLDB ledgers keep deletion protection on',
  severity: 'warning',
  rationale: 'A ledger is the system of record; once deleted, its journal and history cannot be recovered.',
  remediation: 'Set DeletionProtection to true, or leave it unset (true is the default).',
  references: ['CKV_AWS_172'],
  resourceTypes: ['AWS::QLDB::Ledger'],
  check: (ledger) =>
    expectBool(ledger, 'DeletionProtection', true, 'The ledger can be deleted', { absent: true }),
});
