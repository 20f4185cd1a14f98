import type { CfnValue } from './cfn.ts';
import type { Inbound, KindContext, ResourceDraft } from './kind-definition.ts';

/** Egress that matches nothing: replaces the default allow-all egress of a data store's group. */
const NO_EGRESS = {
  CidrIp: '255.255.255.255/32',
  Description: 'Disallow all egress',
  IpProtocol: 'icmp',
  FromPort: 252,
  ToPort: 86,
};

interface SecurityGroupOptions {
  description: string;
  /** Extra ingress (a load balancer's listeners, say) before the peer rules. */
  ingress?: CfnValue[];
  /** Compute may call AWS APIs over HTTPS; data stores send nothing. */
  egressHttps: boolean;
}

/** A security group admitting only peer security groups on their ports, with explicit egress. */
export function securityGroup(
  ctx: KindContext,
  inbound: Inbound,
  options: SecurityGroupOptions,
): ResourceDraft {
  const ingress: CfnValue[] = [...(options.ingress ?? [])];
  for (const rule of inbound.ingress) {
    ingress.push({
      Description: rule.description,
      IpProtocol: 'tcp',
      FromPort: rule.port,
      ToPort: rule.port,
      SourceSecurityGroupId: rule.peerSecurityGroup,
    });
  }
  const egress: CfnValue[] = [];
  if (options.egressHttps) {
    egress.push({
      CidrIp: '0.0.0.0/0',
      Description: 'HTTPS to AWS APIs',
      IpProtocol: 'tcp',
      FromPort: 443,
      ToPort: 443,
    });
  }
  for (const rule of inbound.egress) {
    egress.push({
      Description: rule.description,
      IpProtocol: 'tcp',
      FromPort: rule.port,
      ToPort: rule.port,
      DestinationSecurityGroupId: rule.peerSecurityGroup,
    });
  }
  if (egress.length === 0) egress.push(NO_EGRESS);
  const properties: Record<string, CfnValue> = {
    GroupDescription: options.description,
    VpcId: ctx.network().vpcId,
    SecurityGroupEgress: egress,
  };
  if (ingress.length > 0) properties.SecurityGroupIngress = ingress;
  return { Type: 'AWS::EC2::SecurityGroup', Properties: properties };
}
