import type { EntityResolver } from '../entities/resolve-entities.ts';
import type { LinkCollector } from '../relations/link-entities.ts';

/**
 * A container service that only polls a queue or stream, with nothing routing requests to it, is a worker:
 * "an ECS service on Fargate that long-polls the queue" needs no load balancer and no open port.
 */
export function consumersAsWorkers(resolver: EntityResolver, links: LinkCollector): void {
  for (const service of resolver.entities) {
    if (service.kind !== 'container_service' || service.existing) continue;
    const consumes = links.relations.some((r) => r.from === service && r.access === 'consume');
    const served = links.relations.some((r) => r.to === service && r.access === 'route');
    if (consumes && !served) service.kind = 'worker';
  }
}
