import type { ParamValue } from '../../../src/model/architecture.ts';
import { conventionModes } from '../../conventions.ts';
import type { EvalAccess, EvalKind } from '../../eval-vocabulary.ts';
import { excludedNodes } from './truth-exclusions.ts';
import type { DataUse, TruthEdge, TruthGraph, TruthNode } from './truth-graph.ts';

/** What a template means in the intent model: components and connections (by kind), and the ids behind them. */
export interface TemplateTruth {
  components: { kind: EvalKind; params?: Record<string, ParamValue> }[];
  connections: { from: EvalKind; to: EvalKind; access: EvalAccess }[];
  /** The same, by logical id: for reading a case's truth against its template. */
  nodes: TruthNode[];
  edges: { from: string; to: string; access: EvalAccess }[];
}

/** One access mode per (compute, store) pair; what a state machine's definition does beats its role's grants. */
function dataEdges(graph: TruthGraph): TruthEdge[] {
  const pairs = new Map<string, DataUse[]>();
  for (const use of graph.data.values()) {
    const to = graph.secretOf.get(use.to) ?? use.to;
    const redirected = to === use.to ? use : { ...use, to, read: true, write: true };
    const key = `${use.from}\u0000${to}`;
    pairs.set(key, [...(pairs.get(key) ?? []), redirected]);
  }
  const out: TruthEdge[] = [];
  for (const uses of pairs.values()) {
    const fromDefinition = uses.filter((u) => u.origin === 'definition');
    const chosen = fromDefinition.length > 0 ? fromDefinition : uses;
    const read = chosen.some((u) => u.read);
    const write = chosen.some((u) => u.write);
    const first = chosen[0];
    if (!first || (!read && !write)) continue;
    out.push({
      from: first.from,
      to: first.to,
      access: read && write ? 'readwrite' : read ? 'read' : 'write',
      origin: first.origin,
    });
  }
  for (const key of graph.network) {
    const [from = '', to = ''] = key.split('\u0000');
    if (!pairs.has(key)) out.push({ from, to, access: 'readwrite', origin: 'network' });
  }
  return out;
}

/** A CloudFront distribution whose origins are all website buckets is part of the static site it serves. */
function foldStaticSites(graph: TruthGraph, edges: TruthEdge[], excluded: Set<string>): TruthEdge[] {
  const into = new Map<string, string>();
  for (const node of graph.nodes.values()) {
    if (node.kind !== 'cdn' || excluded.has(node.id)) continue;
    const origins = edges.filter((e) => e.from === node.id && e.access === 'origin' && !excluded.has(e.to));
    const sites = origins.filter((e) => graph.kindOf(e.to) === 'static_site');
    if (origins.length > 0 && sites.length === origins.length && sites[0]) {
      into.set(node.id, sites[0].to);
      excluded.add(node.id);
    }
  }
  return edges
    .filter((e) => !(into.has(e.from) && e.access === 'origin'))
    .map((e) => ({ ...e, to: into.get(e.to) ?? e.to, from: into.get(e.from) ?? e.from }));
}

/** The access mode the conventions allow for a pair (a read or write where only readwrite exists widens). */
function conventionalAccess(from: EvalKind, to: EvalKind, access: EvalAccess): EvalAccess | undefined {
  const modes = conventionModes(from, to);
  if (modes.includes(access)) return access;
  if ((access === 'read' || access === 'write') && modes.includes('readwrite')) return 'readwrite';
  return undefined;
}

/** Applies exclusions and the project's conventions to the graph and lists what remains, deterministically. */
export function buildTruth(graph: TruthGraph): TemplateTruth {
  const all = [...graph.edges, ...dataEdges(graph)];
  // What a state machine's definition does with a target beats what its role allows on it.
  const defined = new Set(all.filter((e) => e.origin === 'definition').map((e) => `${e.from}\u0000${e.to}`));
  const raw = all.filter((e) => e.origin !== 'iam' || !defined.has(`${e.from}\u0000${e.to}`));
  const excluded = excludedNodes(graph, raw);
  const kept = foldStaticSites(graph, raw, excluded).filter(
    (e) => !excluded.has(e.from) && !excluded.has(e.to),
  );
  const edges: { from: string; to: string; access: EvalAccess }[] = [];
  for (const e of kept) {
    const access = conventionalAccess(
      graph.kindOf(e.from) as EvalKind,
      graph.kindOf(e.to) as EvalKind,
      e.access,
    );
    if (access === undefined || e.from === e.to) continue;
    // Polling a queue or stream that triggers you is the trigger's doing, not a second connection.
    if (
      access === 'consume' &&
      kept.some((t) => t.from === e.to && t.to === e.from && t.access === 'trigger')
    )
      continue;
    if (edges.some((x) => x.from === e.from && x.to === e.to && x.access === access)) continue;
    edges.push({ from: e.from, to: e.to, access });
  }
  const nodes = [...graph.nodes.values()]
    .filter((n) => !excluded.has(n.id))
    .sort((a, b) => a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id));
  edges.sort(
    (a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to) || a.access.localeCompare(b.access),
  );
  const kindOf = (id: string) => graph.kindOf(id) as EvalKind;
  return {
    components: nodes.map((n) =>
      Object.keys(n.params).length > 0 ? { kind: n.kind, params: n.params } : { kind: n.kind },
    ),
    connections: edges
      .map((e) => ({ from: kindOf(e.from), to: kindOf(e.to), access: e.access }))
      .sort(
        (a, b) =>
          a.from.localeCompare(b.from) || a.to.localeCompare(b.to) || a.access.localeCompare(b.access),
      ),
    nodes,
    edges,
  };
}
