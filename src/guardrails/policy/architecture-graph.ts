import type { ArchitectureContext } from '../rule.ts';

/**
 * The components that consume a queue: a `consume`/`read` connection pointing at the queue, or a
 * `trigger`/`invoke` connection from the queue to a function or worker. Sorted by id.
 */
export function queueConsumers<P>(queueId: string, context: ArchitectureContext<P>): string[] {
  const ids = new Set<string>();
  for (const c of context.connectionsTo(queueId)) {
    if (c.access === 'consume' || c.access === 'read' || c.access === 'readwrite') ids.add(c.from);
  }
  for (const c of context.connectionsFrom(queueId)) {
    if (c.access === 'trigger' || c.access === 'invoke' || c.access === 'consume') ids.add(c.to);
  }
  return [...ids].sort();
}

/** Whether a glob-like pattern (`*` matches any run of characters) matches a value exactly. */
export function globMatches(pattern: string, value: string): boolean {
  const parts = pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('.*')}$`).test(value);
}
