import { defineTemplateRule } from '../../rule.ts';
import { asBool, PASS, read } from '../_support/check-result.ts';
import { checkNoPublicPrincipal } from '../_support/public-principal.ts';

export default defineTemplateRule({
  id: 'opensearch-access-policy-not-public',
  title: 'OpenSearch access policies do not allow anonymous access',
  severity: 'error',
  rationale:
    'An access policy for Principal "*" without a Condition lets anyone who reaches the endpoint read and write the indexes, unless fine-grained access control checks every request.',
  remediation:
    'Name the IAM principals in AccessPolicies, or enable fine-grained access control (AdvancedSecurityOptions) before opening the policy.',
  references: ['AwsSolutions-OS5'],
  resourceTypes: ['AWS::OpenSearchService::Domain', 'AWS::Elasticsearch::Domain'],
  check: (domain, { index }) => {
    const fgac = read(domain, 'AdvancedSecurityOptions.Enabled');
    if ('result' in fgac) return fgac.result;
    if (asBool(fgac.value) === true) return PASS; // every request is authenticated by the domain itself
    return checkNoPublicPrincipal(domain, index, 'The access policy is public');
  },
});
