import type { AccessMode } from '../../model/kinds.ts';
import type { ConnectionFamily } from '../connection-family.ts';

/** Sources a pipe reads (a queue, a stream, a table's stream) and the non-compute targets it feeds. */
const PIPE_SOURCES: readonly string[] = ['queue', 'stream', 'kv_table'];
const PIPE_TARGETS: readonly string[] = ['workflow', 'event_bus', 'queue', 'topic'];

const TRIGGER: readonly AccessMode[] = ['trigger'];

/**
 * A source feeding a target that is not compute, through EventBridge Pipes: a queue, a Kinesis stream or a
 * DynamoDB table's stream into a workflow, an event bus, a queue or a topic. (A source triggering a function
 * stays an event source mapping: see trigger.ts.)
 */
export const pipe: ConnectionFamily = {
  name: 'pipe',
  modes(from, to) {
    return PIPE_SOURCES.includes(from.kind) && PIPE_TARGETS.includes(to.kind) ? TRIGGER : [];
  },
  apply() {},
};
