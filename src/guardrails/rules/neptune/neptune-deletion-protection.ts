import { defineTemplateRule } from '../../rule.ts';
import { DELETION_PROTECTION } from '../_support/db-cluster-settings.ts';

export default defineTemplateRule({
  id: 'neptune-deletion-protection',
  title: 'Neptune clusters have deletion protection',
  severity: 'warning',
  rationale:
    'Deletion protection stops a stack update, a replacement or a console click from deleting the cluster and its data.',
  remediation: 'Set DeletionProtection to true.',
  references: ['https://docs.aws.amazon.com/securityhub/latest/userguide/neptune-controls.html'],
  resourceTypes: ['AWS::Neptune::DBCluster'],
  check: DELETION_PROTECTION.check,
  fix: DELETION_PROTECTION.fix,
});
