import { defineTemplateRule } from '../../rule.ts';
import { expectOneOf } from '../_support/check-result.ts';

export default defineTemplateRule({
  id: 'ecr-kms-encryption',
  title: 'ECR repositories encrypt images with KMS',
  severity: 'info',
  rationale:
    'KMS encryption adds a key policy the team controls and CloudTrail records of every use on top of the default AES-256.',
  remediation: 'Set EncryptionConfiguration.EncryptionType to KMS (and KmsKey for a customer managed key).',
  references: ['CKV_AWS_136'],
  resourceTypes: ['AWS::ECR::Repository'],
  check: (repo) =>
    expectOneOf(
      repo,
      'EncryptionConfiguration.EncryptionType',
      ['KMS', 'KMS_DSSE'],
      'Images use the default AES-256 encryption',
      {
        absent: 'AES256',
      },
    ),
});
