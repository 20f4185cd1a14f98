import { defineTemplateRule } from '../../rule.ts';
import { expectBool, PASS, read } from '../_support/check-result.ts';
import { setProperty } from '../_support/template-patch.ts';

export default defineTemplateRule({
  id: 'kms-key-rotation',
  title: 'Symmetric KMS keys rotate their key material',
  severity: 'warning',
  rationale:
    'Yearly rotation limits how much data one key version protects; AWS keeps old versions to decrypt older data, so rotation is transparent.',
  remediation: 'Set EnableKeyRotation to true.',
  references: ['CKV_AWS_7', 'AwsSolutions-KMS5'],
  resourceTypes: ['AWS::KMS::Key'],
  check: (key) => {
    const spec = read(key, 'KeySpec');
    if ('result' in spec) return spec.result;
    if (spec.value !== undefined && spec.value !== 'SYMMETRIC_DEFAULT') return PASS; // asymmetric and HMAC keys cannot rotate
    return expectBool(key, 'EnableKeyRotation', true, 'Key rotation is off', { absent: false });
  },
  fix: {
    description: 'enable yearly key rotation',
    safe: true,
    patch: (key) => setProperty(key, 'EnableKeyRotation', true),
  },
});
