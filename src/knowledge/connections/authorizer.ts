import type { AccessMode } from '../../model/kinds.ts';
import type { ConnectionFamily } from '../connection-family.ts';

const AUTH: readonly AccessMode[] = ['auth'];

/** What a user pool can authorize. */
const AUTHORIZED: readonly string[] = ['http_api', 'load_balancer'];

/**
 * A user pool authorizes callers of an HTTP API (JWT authorizer; a Cognito authorizer on a REST API) or of a
 * load balancer (authenticate-cognito before every forward).
 */
export const authorizer: ConnectionFamily = {
  name: 'authorizer',
  modes(from, to) {
    return from.kind === 'user_pool' && AUTHORIZED.includes(to.kind) ? AUTH : [];
  },
  apply() {},
};
