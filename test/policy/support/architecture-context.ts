import type { Architecture, Connection } from '../../../src/model/architecture.ts';
import type { ArchitectureContext } from '../../../src/guardrails/rule.ts';

/** A plain ArchitectureContext for running architecture rules directly in tests. */
export function architectureContext<P>(
  architecture: Architecture,
  params: P,
  cost?: ArchitectureContext<P>['cost'],
): ArchitectureContext<P> {
  const from = new Map<string, Connection[]>();
  const to = new Map<string, Connection[]>();
  for (const c of architecture.connections) {
    from.set(c.from, [...(from.get(c.from) ?? []), c]);
    to.set(c.to, [...(to.get(c.to) ?? []), c]);
  }
  const byId = new Map(architecture.components.map((c) => [c.id, c]));
  return {
    architecture,
    params,
    component: (id) => byId.get(id),
    connectionsFrom: (id) => from.get(id) ?? [],
    connectionsTo: (id) => to.get(id) ?? [],
    cost,
  };
}
