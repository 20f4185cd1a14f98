import type { AccessMode } from '../../model/kinds.ts';
import type { ConnectionFamily } from '../connection-family.ts';

const ROUTE: readonly AccessMode[] = ['route'];

/** AWS services an API sends requests to directly, without a function in between. */
const INTEGRATED: readonly string[] = ['queue', 'event_bus', 'stream', 'workflow', 'topic', 'kv_table'];

/**
 * API Gateway service integrations: an `http_api` routes requests straight to SQS, EventBridge, Kinesis,
 * Step Functions (both flavours), SNS and DynamoDB (REST flavour), through one integration role per API.
 */
export const apiIntegration: ConnectionFamily = {
  name: 'api-integration',
  modes(from, to) {
    return from.kind === 'http_api' && INTEGRATED.includes(to.kind) ? ROUTE : [];
  },
  apply() {},
};
