import { defineTemplateRule } from '../../rule.ts';
import { expectBool } from '../_support/check-result.ts';
import { setProperty } from '../_support/template-patch.ts';

const PATH = 'WorkGroupConfiguration.EnforceWorkGroupConfiguration';

export default defineTemplateRule({
  id: 'athena-workgroup-enforce-configuration',
  title: 'Athena workgroups enforce their settings over client settings',
  severity: 'warning',
  rationale:
    'Unless the workgroup enforces its configuration, each client chooses where results go and whether they are encrypted, and can turn encryption off.',
  remediation: `Set ${PATH} to true.`,
  references: ['CKV_AWS_82'],
  resourceTypes: ['AWS::Athena::WorkGroup'],
  check: (group) => expectBool(group, PATH, true, 'Clients may override the workgroup settings'),
  fix: {
    description: 'enforce the workgroup settings (client-side result locations and encryption are ignored)',
    safe: false,
    patch: (group) => setProperty(group, PATH, true),
  },
});
