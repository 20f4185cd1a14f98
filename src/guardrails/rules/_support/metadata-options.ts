import type { CheckResult, ResourceView } from '../../rule.ts';
import { fail, PASS, read, show } from './check-result.ts';

/**
 * IMDSv1 is off when the launch template requires session tokens, or turns the metadata endpoint off
 * altogether (`HttpEndpoint: disabled`: no metadata, so no IMDSv1 either).
 */
export function checkMetadataOptions(
  template: ResourceView,
  onFail: (tokens: unknown) => CheckResult,
): CheckResult {
  const options = 'LaunchTemplateData.MetadataOptions';
  const endpoint = read(template, `${options}.HttpEndpoint`);
  if ('result' in endpoint) return endpoint.result;
  if (typeof endpoint.value === 'string' && endpoint.value.toLowerCase() === 'disabled') return PASS;
  const tokens = read(template, `${options}.HttpTokens`);
  if ('result' in tokens) return tokens.result;
  return tokens.value === 'required' ? PASS : onFail(tokens.value);
}

export function imdsv1Allowed(template: ResourceView): CheckResult {
  return checkMetadataOptions(template, (tokens) =>
    fail(
      'LaunchTemplateData.MetadataOptions.HttpTokens',
      `IMDSv1 is allowed: LaunchTemplateData.MetadataOptions.HttpTokens is ${tokens === undefined ? 'not set (optional)' : show(tokens)}; expected "required" (or HttpEndpoint "disabled")`,
      tokens,
      'required',
    ),
  );
}
