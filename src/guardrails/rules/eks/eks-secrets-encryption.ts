import { defineTemplateRule } from '../../rule.ts';
import { fail, PASS, unknown } from '../_support/check-result.ts';
import { valueList } from '../_support/policy-statements.ts';

export default defineTemplateRule({
  id: 'eks-secrets-encryption',
  title: 'EKS clusters encrypt Kubernetes secrets with KMS',
  severity: 'warning',
  rationale:
    'Envelope encryption with a KMS key protects Kubernetes secrets in etcd beyond the default disk encryption.',
  remediation: 'Set EncryptionConfig with Resources [secrets] and Provider.KeyArn.',
  references: ['CKV_AWS_58'],
  resourceTypes: ['AWS::EKS::Cluster'],
  check: (cluster, { index }) => {
    const n = cluster.length('EncryptionConfig');
    if (!n.known) return unknown('EncryptionConfig', n.reason);
    let symbolic: string | undefined;
    for (let i = 0; i < (n.value ?? 0); i++) {
      const resources = valueList(cluster, index, `EncryptionConfig.${i}.Resources`);
      if (!resources.known) return unknown(`EncryptionConfig.${i}.Resources`, resources.reason);
      if (resources.values.includes('secrets')) return PASS;
      if (resources.opaque > 0) symbolic = `EncryptionConfig.${i}.Resources`;
    }
    if (symbolic) return unknown(symbolic, 'an item is known only after deployment');
    return fail(
      'EncryptionConfig',
      'Kubernetes secrets are not envelope-encrypted: no EncryptionConfig covers "secrets"; expected one with a KMS key',
      undefined,
      ['secrets'],
    );
  },
});
