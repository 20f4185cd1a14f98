import type { CheckResult, ResourceView } from '../../rule.ts';
import { defineTemplateRule } from '../../rule.ts';
import { combine, eachItem, fail, PASS, read } from '../_support/check-result.ts';
import { rawAt } from '../_support/policy-statements.ts';
import { resultsOf } from '../_support/result-list.ts';

/** The literal text of an `Fn::Sub` (short or long form), where a wildcard shows even when a variable cannot be resolved. */
function subText(raw: unknown): string | undefined {
  if (typeof raw !== 'object' || raw === null || !('Fn::Sub' in raw)) return undefined;
  const arg = (raw as { 'Fn::Sub': unknown })['Fn::Sub'];
  const text = Array.isArray(arg) ? arg[0] : arg;
  return typeof text === 'string' ? text : undefined;
}

function noWildcard(certificate: ResourceView, path: string): CheckResult {
  const name = read(certificate, path);
  if ('result' in name) {
    const text = subText(rawAt(certificate, path));
    if (text === undefined || !text.replace(/\$\{[^}]*\}/g, '').includes('*')) return name.result;
    return fail(
      path,
      `The certificate covers every subdomain: ${path} is "${text}"; expected a named host`,
      text,
      'no wildcard',
    );
  }
  if (typeof name.value !== 'string' || !name.value.includes('*')) return PASS;
  return fail(
    path,
    `The certificate covers every subdomain: ${path} is "${name.value}"; expected a named host`,
    name.value,
    'no wildcard',
  );
}

export default defineTemplateRule({
  id: 'acm-no-wildcard-certificate',
  title: 'ACM certificates name their hosts instead of a wildcard',
  severity: 'info',
  rationale:
    'A wildcard certificate is valid for every subdomain, so its private key, wherever it is deployed, can impersonate all of them.',
  remediation: 'List the host names in DomainName and SubjectAlternativeNames instead of *.domain.',
  references: ['CKV2_AWS_71'],
  resourceTypes: ['AWS::CertificateManager::Certificate'],
  check: (certificate) =>
    combine([
      noWildcard(certificate, 'DomainName'),
      ...resultsOf(eachItem(certificate, 'SubjectAlternativeNames', (item) => noWildcard(certificate, item))),
    ]),
});
