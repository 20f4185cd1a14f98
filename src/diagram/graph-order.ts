import { compareConnections } from '../knowledge/expand-architecture.ts';
import type { Architecture, Component, Connection } from '../model/architecture.ts';
import { COMPONENT_KINDS } from '../model/kinds.ts';

const KIND_ORDER = new Map<string, number>(COMPONENT_KINDS.map((kind, index) => [kind, index]));

export function sortedComponents(architecture: Architecture): Component[] {
  return [...architecture.components].sort(
    (a, b) => (KIND_ORDER.get(a.kind) ?? 0) - (KIND_ORDER.get(b.kind) ?? 0) || a.id.localeCompare(b.id),
  );
}

export function sortedConnections(architecture: Architecture): Connection[] {
  return [...architecture.connections].sort(compareConnections);
}

/**
 * Layer of each component: the longest path to it from a component with no incoming connection
 * (cycles are cut by bounding the relaxation), so traffic reads left to right.
 */
export function layers(architecture: Architecture): Map<string, number> {
  const layer = new Map<string, number>();
  for (const c of architecture.components) layer.set(c.id, 0);
  const edges = sortedConnections(architecture).filter(
    (c) => layer.has(c.from) && layer.has(c.to) && c.from !== c.to,
  );
  const limit = architecture.components.length;
  for (let round = 0; round < limit; round++) {
    let changed = false;
    for (const edge of edges) {
      const next = layer.get(edge.from)! + 1;
      if (next > layer.get(edge.to)! && next < limit) {
        layer.set(edge.to, next);
        changed = true;
      }
    }
    if (!changed) break;
  }
  return layer;
}
