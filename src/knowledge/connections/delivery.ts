import type { AccessMode } from '../../model/kinds.ts';
import type { ConnectionFamily } from '../connection-family.ts';

const TRIGGER: readonly AccessMode[] = ['trigger'];
const WRITE: readonly AccessMode[] = ['write'];

/** Where a delivery stream delivers. */
const DESTINATIONS: readonly string[] = ['bucket', 'search'];

/**
 * Kinesis Data Firehose wiring: a Kinesis stream as the delivery stream's source (`trigger`), a bucket or an
 * OpenSearch domain as its destination (`write`).
 */
export const delivery: ConnectionFamily = {
  name: 'delivery',
  modes(from, to) {
    if (from.kind === 'stream' && to.kind === 'delivery_stream') return TRIGGER;
    if (from.kind === 'delivery_stream' && DESTINATIONS.includes(to.kind)) return WRITE;
    return [];
  },
  apply() {},
};
