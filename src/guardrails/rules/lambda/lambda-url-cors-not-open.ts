import type { CheckResult, ResourceView, TemplateIndex } from '../../rule.ts';
import { defineTemplateRule } from '../../rule.ts';
import { combine, fail, PASS, read } from '../_support/check-result.ts';
import { referencedResource } from '../_support/referenced-resource.ts';

/** The function a URL serves: TargetFunctionArn (FunctionName, which some generators write, is read too). */
function targetOf(url: ResourceView, index: TemplateIndex): ResourceView | undefined {
  return (
    referencedResource(url, index, 'TargetFunctionArn') ?? referencedResource(url, index, 'FunctionName')
  );
}

function includesWildcard(value: unknown): boolean {
  return Array.isArray(value) ? value.includes('*') : value === '*';
}

/** A result about `url` as reported on `subject`: an unknown on another resource names the URL. */
function about(url: ResourceView, subject: ResourceView, result: CheckResult): CheckResult {
  return url === subject || result.status !== 'unknown'
    ? result
    : { status: 'unknown', reason: `function URL ${url.logicalId}: ${result.reason}` };
}

/** The URL's CORS settings must not allow every origin with every method. */
function checkUrl(url: ResourceView, subject: ResourceView): CheckResult {
  const origins = read(url, 'Cors.AllowOrigins');
  if ('result' in origins) return about(url, subject, origins.result);
  const methods = read(url, 'Cors.AllowMethods');
  if ('result' in methods) return about(url, subject, methods.result);
  if (!includesWildcard(origins.value) || !includesWildcard(methods.value)) return PASS;
  return fail(
    url === subject ? 'Cors' : '',
    `Function URL ${url.logicalId} lets any website call it with any method (AllowOrigins and AllowMethods are "*"); expected named origins or methods`,
    { AllowOrigins: origins.value, AllowMethods: methods.value },
    'named origins or methods',
  );
}

export default defineTemplateRule({
  id: 'lambda-url-cors-not-open',
  title: 'Lambda function URLs do not allow every origin and method',
  severity: 'warning',
  rationale:
    "CORS open to every origin with every method lets any web page make a visitor's browser call the function with any verb, including state-changing ones.",
  remediation: 'List the origins (and methods) that need the URL in Cors.AllowOrigins and Cors.AllowMethods.',
  references: ['CKV2_AWS_75'],
  resourceTypes: ['AWS::Lambda::Function', 'AWS::Lambda::Url'],
  check: (resource, { index }) => {
    if (resource.type === 'AWS::Lambda::Url') {
      // A URL of a function in this template is reported on the function.
      const target = targetOf(resource, index);
      return target?.type === 'AWS::Lambda::Function' ? PASS : checkUrl(resource, resource);
    }
    const urls = index
      .referencedBy(resource.logicalId)
      .filter(
        (url) => url.type === 'AWS::Lambda::Url' && targetOf(url, index)?.logicalId === resource.logicalId,
      );
    return combine(urls.map((url) => checkUrl(url, resource)));
  },
});
