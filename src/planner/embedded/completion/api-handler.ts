import type { ComponentKind } from '../../../model/kinds.ts';
import type { Entity } from '../entities/entity.ts';
import type { EntityResolver } from '../entities/resolve-entities.ts';
import { kebab } from '../operations/component-ids.ts';
import type { LinkCollector } from '../relations/link-entities.ts';

/** What an API cannot reach without code: a database, a cache, a search domain, files, secrets. */
const NEEDS_CODE: ReadonlySet<ComponentKind> = new Set([
  'postgres',
  'mysql',
  'cache',
  'search',
  'file_system',
  'secret',
  'bucket',
  'email',
  // an API can reach these without code only as a REST API: named "with" an API, they mean a handler
  'kv_table',
  'topic',
]);
const CHANNELS: ReadonlySet<ComponentKind> = new Set([
  'queue',
  'topic',
  'event_bus',
  'stream',
  'delivery_stream',
]);
const CODE: ReadonlySet<ComponentKind> = new Set(['function', 'container_service', 'vm', 'k8s_cluster']);

/**
 * "An API with a Postgres database and a queue": an API backed by things only code can use gets a
 * handler function between; what was named with the API moves to the handler (the handler writes the
 * database and publishes to the queue).
 */
export function addApiHandlers(resolver: EntityResolver, links: LinkCollector): void {
  const apis = [...new Set(links.associations.map((a) => a.head))].filter(
    (e) => e.kind === 'http_api' && !e.existing,
  );
  for (const api of apis) {
    if (links.relations.some((r) => r.from === api && CODE.has(r.to.kind))) continue;
    const items = links.associations.filter((a) => a.head === api).map((a) => a.item);
    if (!items.some((e) => NEEDS_CODE.has(e.kind))) continue;
    const handler: Entity = resolver.make('function', [], {
      implicit: true,
      role: [...api.role],
      name: kebab([...api.role, 'api', 'handler']),
    });
    resolver.entities.push(handler);
    links.link('route', api, handler, 'completion');
    for (const item of items) {
      const direct = links.relations.findIndex((r) => r.from === api && r.to === item);
      if (direct >= 0) links.relations.splice(direct, 1);
      links.link(CHANNELS.has(item.kind) ? 'publish' : 'link', handler, item, 'completion');
    }
  }
}
