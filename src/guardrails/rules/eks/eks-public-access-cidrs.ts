import { defineTemplateRule } from '../../rule.ts';
import { asBool, fail, PASS, read, unknown } from '../_support/check-result.ts';
import { cidrRange, coversEveryAddress } from '../_support/cidr-range.ts';
import { valueList } from '../_support/policy-statements.ts';

export default defineTemplateRule({
  id: 'eks-public-access-cidrs',
  title: 'Public EKS API endpoints are limited to known networks',
  severity: 'error',
  rationale:
    'A public endpoint open to every address (0.0.0.0/0, the default) exposes the Kubernetes API to the whole internet.',
  remediation:
    'Set ResourcesVpcConfig.PublicAccessCidrs to the office or VPN ranges, or make the endpoint private.',
  references: ['CKV_AWS_38'],
  resourceTypes: ['AWS::EKS::Cluster'],
  check: (cluster, { index }) => {
    const open = read(cluster, 'ResourcesVpcConfig.EndpointPublicAccess');
    if ('result' in open) return open.result;
    if (asBool(open.value) === false) return PASS;
    const cidrs = valueList(cluster, index, 'ResourcesVpcConfig.PublicAccessCidrs');
    if (!cidrs.known) return unknown('ResourcesVpcConfig.PublicAccessCidrs', cidrs.reason);
    const ranges = cidrs.values.flatMap((text) => cidrRange(text) ?? []);
    const everyone = coversEveryAddress(ranges, 'ipv4') || coversEveryAddress(ranges, 'ipv6');
    if (cidrs.present && !everyone) return PASS;
    return fail(
      'ResourcesVpcConfig.PublicAccessCidrs',
      `The public API endpoint accepts ${cidrs.present ? `every address (${cidrs.values.join(', ')})` : 'every address (PublicAccessCidrs not set)'}; expected specific CIDR ranges`,
      '0.0.0.0/0',
      'specific CIDRs',
    );
  },
});
