import { getAtt } from '../cfn.ts';
import type { ConnectionFamily } from '../connection-family.ts';
import { peerSecurityGroupRules } from './peer-security-group-rules.ts';

/**
 * A compute component uses a data store or service: least-privilege statements scoped to the target's
 * ARNs, environment variables (names, URLs, endpoints, secret ARNs), and for VPC data stores a security
 * group rule admitting only the consumer's group on the service port (the consumer joins the VPC).
 */
export const dataAccess: ConnectionFamily = {
  name: 'data-access',
  modes(from, to) {
    if (!from.compute?.usesData || !to.data) return [];
    if (from.compute.notConnectable?.[to.kind]) return [];
    if (to.data.network && !from.compute.canJoinVpc) return [];
    return Object.keys(to.data.access) as (keyof typeof to.data.access)[];
  },
  apply(context) {
    const { connection, from, to, contributions, logicalId } = context;
    const grantFor = to.definition.data?.access[connection.access];
    const compute = from.definition.compute;
    if (!grantFor || !compute) return;
    const grant = grantFor(to.ref);
    contributions.grant(from.id, grant.statements);
    contributions.env(from.id, grant.env);
    contributions.secrets(from.id, grant.secrets);
    if (grant.executionStatements)
      contributions.inbound(from.id).executionStatements.push(...grant.executionStatements);
    if (grant.mount) contributions.inbound(from.id).mounts.push(grant.mount);
    const network = to.definition.data?.network;
    if (network && compute.securityGroupRole) {
      const port = network.port(to.ref);
      const consumerSg = getAtt(
        logicalId(from.id, compute.securityGroupRole),
        compute.securityGroupAttribute ?? 'GroupId',
      );
      const targetSg = getAtt(logicalId(to.id, network.securityGroupRole), 'GroupId');
      contributions.needVpc(from.id);
      peerSecurityGroupRules(context, consumerSg, targetSg, port);
    }
  },
};
