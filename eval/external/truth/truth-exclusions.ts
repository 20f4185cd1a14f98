import type { TruthEdge, TruthGraph } from './truth-graph.ts';

/** Origins that do not make a dead-letter queue a component: the permission to send to it comes with it. */
const PERMISSION_ONLY = new Set<TruthEdge['origin']>(['iam']);

/**
 * Which nodes are plumbing, not components (decided on the merged edges):
 * - a dead-letter queue, unless something other than a permission connects it (a function draining it);
 * - a log or backup bucket, unless anything at all connects it;
 * - a function backing a custom resource or macro, and functions only such functions invoke;
 * - a Lambda authorizer, unless something routes to, triggers or invokes it.
 */
export function excludedNodes(graph: TruthGraph, edges: readonly TruthEdge[]): Set<string> {
  const excluded = new Set<string>();
  const touching = (node: string) => edges.filter((e) => e.from === node || e.to === node);
  for (const [node, why] of graph.plumbing) {
    if (!graph.nodes.has(node)) continue;
    const kind = graph.kindOf(node);
    if (why.has('custom-resource') && kind === 'function') excluded.add(node);
    if (why.has('authorizer') && kind === 'function' && !edges.some((e) => e.to === node)) excluded.add(node);
    if (why.has('dead-letter') && kind === 'queue') {
      if (touching(node).every((e) => PERMISSION_ONLY.has(e.origin))) excluded.add(node);
    }
    if (why.has('log-or-backup') && (kind === 'bucket' || kind === 'static_site')) {
      if (touching(node).length === 0) excluded.add(node);
    }
  }
  // Functions that only excluded functions invoke (a provider framework's user handler) are plumbing too.
  let changed = true;
  while (changed) {
    changed = false;
    for (const node of graph.nodes.keys()) {
      if (excluded.has(node) || graph.kindOf(node) !== 'function') continue;
      const incoming = edges.filter((e) => e.to === node);
      if (incoming.length > 0 && incoming.every((e) => excluded.has(e.from) && e.access === 'invoke')) {
        excluded.add(node);
        changed = true;
      }
    }
  }
  for (const secret of graph.secretOf.keys()) excluded.add(secret);
  return excluded;
}
