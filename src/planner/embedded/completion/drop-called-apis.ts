import type { Entity } from '../entities/entity.ts';
import type { EntityResolver } from '../entities/resolve-entities.ts';
import type { LinkCollector } from '../relations/link-entities.ts';

/**
 * "The workflow calls the Async API", "the function invokes the partner's API": an API that code calls and
 * that the text names only by the plain word is someone else's (our code does not call our own API
 * Gateway), so it is no component to build, and nothing gets wired to it.
 */
export function dropCalledApis(
  resolver: EntityResolver,
  links: LinkCollector,
  called: ReadonlySet<Entity>,
): void {
  for (const api of called) {
    if (api.existing || api.mentions.some((m) => m.evidence === 'brand')) continue;
    if (links.relations.some((r) => r.from === api || r.to === api)) continue;
    const at = resolver.entities.indexOf(api);
    if (at < 0) continue;
    resolver.entities.splice(at, 1);
    for (const m of api.mentions) resolver.of.set(m, []);
  }
}
