import { defineTemplateRule } from '../../rule.ts';
import { fail, PASS } from '../_support/check-result.ts';

export default defineTemplateRule({
  id: 'secretsmanager-rotation',
  title: 'Secrets Manager secrets rotate automatically',
  severity: 'warning',
  rationale: 'A secret that never changes stays valid for as long as anyone who ever saw it keeps a copy.',
  remediation:
    'Add an AWS::SecretsManager::RotationSchedule for the secret (a hosted rotation Lambda for database secrets).',
  references: ['AwsSolutions-SMG4'],
  resourceTypes: ['AWS::SecretsManager::Secret'],
  check: (secret, { index }) => {
    if (index.referencedBy(secret.logicalId).some((r) => r.type === 'AWS::SecretsManager::RotationSchedule'))
      return PASS;
    return fail(
      '',
      'No AWS::SecretsManager::RotationSchedule references the secret; expected automatic rotation',
      'no rotation',
      'a rotation schedule',
    );
  },
});
