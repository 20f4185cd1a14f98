import { defineTemplateRule } from '../../rule.ts';
import { combine, expectBool } from '../_support/check-result.ts';
import { setProperty } from '../_support/template-patch.ts';

export default defineTemplateRule({
  id: 'appsync-api-cache-encrypted',
  title: 'AppSync API caches encrypt data at rest and in transit',
  severity: 'warning',
  rationale:
    'The cache holds resolver results, often personal data; unencrypted it sits in clear text on the cache nodes and the wire.',
  remediation: 'Set AtRestEncryptionEnabled and TransitEncryptionEnabled to true when creating the cache.',
  references: ['https://docs.aws.amazon.com/securityhub/latest/userguide/appsync-controls.html'],
  resourceTypes: ['AWS::AppSync::ApiCache'],
  check: (cache) =>
    combine([
      expectBool(cache, 'AtRestEncryptionEnabled', true, 'Cached data is not encrypted at rest', {
        absent: false,
      }),
      expectBool(cache, 'TransitEncryptionEnabled', true, 'Cached data is not encrypted in transit', {
        absent: false,
      }),
    ]),
  fix: {
    description: 'encrypt the cache at rest and in transit (replaces the cache, which starts empty)',
    safe: false,
    patch: (cache) => [
      ...setProperty(cache, 'AtRestEncryptionEnabled', true),
      ...setProperty(cache, 'TransitEncryptionEnabled', true),
    ],
  },
});
