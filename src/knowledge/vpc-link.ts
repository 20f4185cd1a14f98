import { getAtt } from './cfn.ts';
import type { KindContext, ResourceDraft } from './kind-definition.ts';
import { securityGroup } from './security-group.ts';

/** The feature a `route` to a service in the VPC switches on for an HTTP API. */
export const VPC_LINK = 'vpc-link';

/** Roles of an HTTP API's VPC link and its security group. */
export const VPC_LINK_ROLES = { link: 'vpc-link', securityGroup: 'vpc-link-sg' } as const;

/**
 * An HTTP API's way into the VPC: a VPC link with ENIs in the private subnets and a security group of its
 * own that admits nothing and reaches only the services the API routes to, on their ports (the rules come
 * from the `route` connections; the services admit this group and no other source for API traffic).
 */
export function vpcLink(ctx: KindContext): Record<string, ResourceDraft> {
  return {
    [VPC_LINK_ROLES.securityGroup]: securityGroup(ctx, ctx.inbound, {
      description: `VPC link of API ${ctx.id}`,
      egressHttps: false,
    }),
    [VPC_LINK_ROLES.link]: {
      Type: 'AWS::ApiGatewayV2::VpcLink',
      Properties: {
        Name: ctx.name(undefined, 128),
        SubnetIds: ctx.network().privateSubnets,
        SecurityGroupIds: [getAtt(ctx.logicalId(VPC_LINK_ROLES.securityGroup), 'GroupId')],
      },
    },
  };
}
