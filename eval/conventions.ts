import { validAccessModes } from '../src/knowledge/access-modes.ts';
import { COMPUTE_KINDS } from '../src/model/kinds.ts';
import type { EvalAccess, EvalKind } from './eval-vocabulary.ts';
import { EVAL_ACCESS_MODES, isModelKind } from './eval-vocabulary.ts';

interface PairRule {
  from: readonly EvalKind[];
  to: readonly EvalKind[];
  access: EvalAccess;
}

/**
 * The pairs the project's contract adds to the knowledge base (DESIGN.md; the knowledge-base owner builds
 * them): direct integrations, DynamoDB streams, EventBridge and Scheduler targets, Pipes, Firehose, Cognito.
 * Until the knowledge base carries them, `validAccessModes` does not list them, so they are data here.
 */
const CONTRACT_PAIRS: readonly PairRule[] = [
  {
    from: ['http_api'],
    to: ['queue', 'event_bus', 'stream', 'workflow', 'topic', 'kv_table'],
    access: 'route',
  },
  { from: ['kv_table'], to: ['function'], access: 'trigger' },
  { from: ['bucket'], to: ['event_bus'], access: 'trigger' },
  { from: ['event_bus'], to: ['topic', 'stream', 'worker'], access: 'trigger' },
  { from: ['cron'], to: ['queue', 'topic', 'worker', 'workflow', 'function'], access: 'trigger' },
  {
    from: ['queue', 'stream', 'kv_table'],
    to: ['workflow', 'event_bus', 'queue', 'topic'],
    access: 'trigger',
  },
  { from: ['stream'], to: ['delivery_stream'], access: 'trigger' },
  { from: COMPUTE_KINDS, to: ['delivery_stream'], access: 'publish' },
  { from: ['delivery_stream'], to: ['bucket', 'search'], access: 'write' },
  { from: ['user_pool'], to: ['http_api', 'load_balancer'], access: 'auth' },
];

/**
 * The access modes the project's conventions allow from one kind to another, in contract order: what the
 * knowledge base's `validAccessModes` says, plus the contract's newer pairs. Empty: the pair is not a
 * connection (an eval case must not expect it, and a template's truth drops it).
 */
export function conventionModes(from: EvalKind, to: EvalKind): EvalAccess[] {
  const modes = new Set<EvalAccess>(isModelKind(from) && isModelKind(to) ? validAccessModes(from, to) : []);
  for (const rule of CONTRACT_PAIRS) {
    if (rule.from.includes(from) && rule.to.includes(to)) modes.add(rule.access);
  }
  return EVAL_ACCESS_MODES.filter((mode) => modes.has(mode));
}
