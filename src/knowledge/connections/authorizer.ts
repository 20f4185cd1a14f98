import type { AccessMode } from '../../model/kinds.ts';
import { getAtt, ref, sub } from '../cfn.ts';
import type { ConnectionFamily } from '../connection-family.ts';
import { HOSTED_UI, USER_POOL_ROLES } from '../kinds/user-pool.ts';

const AUTH: readonly AccessMode[] = ['auth'];

/** What a user pool can authorize. */
const AUTHORIZED: readonly string[] = ['http_api', 'load_balancer'];

/**
 * A user pool authorizes callers of an HTTP API (a JWT authorizer on the pool's issuer and app client; a
 * Cognito authorizer on a REST API) or of a load balancer (authenticate-cognito through the pool's hosted
 * sign-in domain, which this switches on, with a client of the balancer's own). The API or balancer builds
 * the authorizer from what this records.
 */
export const authorizer: ConnectionFamily = {
  name: 'authorizer',
  modes(from, to) {
    return from.kind === 'user_pool' && AUTHORIZED.includes(to.kind) ? AUTH : [];
  },
  apply({ from, to, contributions, logicalId }) {
    const pool = logicalId(from.id, USER_POOL_ROLES.pool);
    const lb = to.definition.kind === 'load_balancer';
    if (lb) contributions.feature(from.id, HOSTED_UI);
    contributions.inbound(to.id).authorizers.push({
      peer: from.id,
      userPoolArn: getAtt(pool, 'Arn'),
      userPoolId: ref(pool),
      issuer: sub(`https://\${${pool}.ProviderURL}`),
      appClientId: ref(logicalId(from.id, USER_POOL_ROLES.client)),
      ...(lb ? { domain: ref(logicalId(from.id, USER_POOL_ROLES.domain)) } : {}),
    });
  },
};
