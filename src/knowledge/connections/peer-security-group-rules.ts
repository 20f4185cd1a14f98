import type { CfnValue } from '../cfn.ts';
import type { ConnectionContext } from '../connection-family.ts';

/**
 * Standalone ingress and egress rules letting the `from` component's security group reach the `to`
 * component's group on one TCP port, and nothing else: each side gets its half of the pair.
 */
export function peerSecurityGroupRules(
  { from, to, contributions }: ConnectionContext,
  fromSecurityGroup: CfnValue,
  toSecurityGroup: CfnValue,
  port: number,
): void {
  const description = `${from.id} to ${to.id} on ${port}`;
  contributions.resource(to.id, `ingress-from-${from.id}`, {
    Type: 'AWS::EC2::SecurityGroupIngress',
    Properties: {
      GroupId: toSecurityGroup,
      SourceSecurityGroupId: fromSecurityGroup,
      IpProtocol: 'tcp',
      FromPort: port,
      ToPort: port,
      Description: description,
    },
  });
  contributions.resource(from.id, `egress-to-${to.id}`, {
    Type: 'AWS::EC2::SecurityGroupEgress',
    Properties: {
      GroupId: fromSecurityGroup,
      DestinationSecurityGroupId: toSecurityGroup,
      IpProtocol: 'tcp',
      FromPort: port,
      ToPort: port,
      Description: description,
    },
  });
}
