import { COMPUTE_KINDS, type ComponentKind } from '../../../model/kinds.ts';
import type { Entity } from '../entities/entity.ts';
import type { LinkCollector } from './link-entities.ts';

/** An entity in a run of noun phrases, with the word that joins it to what came before. */
export interface Linked {
  readonly entity: Entity;
  readonly prep: string | undefined;
  /** "S3 as destination", "a Kinesis stream as source": the part it plays for the head. */
  readonly plays?: 'source' | 'destination';
}

const COMPUTE: ReadonlySet<ComponentKind> = new Set(COMPUTE_KINDS);
const FRONT_DOORS: ReadonlySet<ComponentKind> = new Set([
  'http_api',
  'load_balancer',
  'cdn',
  'dns',
  'user_pool',
]);
const ASSOCIATIONS = new Set(['with', 'for', 'on', '+', 'using', 'backed', 'and']);
const FLOWS = new Set(['→', 'to', 'into', 'onto']);

/**
 * The partner a thing named after "with" belongs to: "an API with a Lambda and a table" gives the table to
 * the Lambda (code uses data), not to the API; "a Lambda with a table" gives it to the Lambda.
 */
function partnerFor(head: Entity, item: Entity, list: readonly Entity[]): Entity {
  if (COMPUTE.has(item.kind) || !FRONT_DOORS.has(head.kind)) return head;
  const code = list.find((e) => e !== item && COMPUTE.has(e.kind));
  return code ?? head;
}

/** "an ALB in front of the Fargate tasks": tasks that take requests are a service's, not a worker's. */
function servesRequests(entity: Entity): void {
  if (entity.kind === 'worker' && !entity.existing && entity.mentions.some((m) => m.feature === 'task'))
    entity.kind = 'container_service';
}

/**
 * Links in a run of noun phrases without a verb: "X with Y" (typical wiring), "X behind Y" (Y routes to X),
 * "X in front of Y" (X routes to Y), "X → Y → Z" and "X to Y" (a flow, in that direction), "X between Y
 * and Z" (Y → X → Z).
 */
export function linkNounPhrases(items: readonly Linked[], links: LinkCollector, cue: string): void {
  if (items.length < 2) return;
  const head = items[0]!.entity;
  let betweenSeen = false;
  const associated = items
    .filter((x) => x.prep !== undefined && x.prep !== 'for' && ASSOCIATIONS.has(x.prep))
    .map((x) => x.entity);
  for (let k = 1; k < items.length; k++) {
    const { entity, prep, plays } = items[k]!;
    const previous = items[k - 1]!.entity;
    if (entity === previous) continue;
    if (plays) {
      // "a delivery stream with a Kinesis stream as source and S3 as destination"
      if (plays === 'source') links.link('flow', entity, head, cue);
      else links.link('flow', head, entity, cue);
      continue;
    }
    if (prep === undefined) continue;
    if (FLOWS.has(prep)) {
      // a title's "SQS to Lambda to DynamoDB" says the direction; a verb later says the access
      links.link('flow', previous, entity, cue, { weak: true });
      continue;
    }
    // "api.example.com on an ALB in front of a Fargate service": the nearest thing named, else the head
    if (prep === 'behind') {
      if (!links.link('route', entity, previous, cue)) links.link('route', entity, head, cue);
      continue;
    }
    if (prep === 'front') {
      if (!links.link('route', previous, entity, cue) && !links.link('route', head, entity, cue)) {
        servesRequests(entity);
        links.link('route', previous, entity, cue);
      }
      continue;
    }
    if (prep === 'between') {
      // "a queue between the API Lambda and the worker": the first sends into it, the rest are fed
      if (betweenSeen) links.link('flow', head, entity, cue);
      else links.link('flow', entity, head, cue);
      betweenSeen = true;
      continue;
    }
    if (prep === 'and' || !ASSOCIATIONS.has(prep)) continue;
    if (prep === 'for') {
      // "a queue for background jobs": "for" binds to the thing just named
      links.link('link', previous, entity, cue);
      continue;
    }
    const partner = partnerFor(head, entity, [head, ...associated]);
    if (partner === head) links.associations.push({ head, item: entity });
    links.link('link', partner, entity, cue);
  }
}
