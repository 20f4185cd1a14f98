import { typicalWiring } from '../../../knowledge/typical-wiring.ts';
import { COMPUTE_KINDS, type ComponentKind } from '../../../model/kinds.ts';
import type { Sentence } from '../analysis/token.ts';
import type { Entity } from '../entities/entity.ts';
import type { EntityResolver } from '../entities/resolve-entities.ts';
import { accessFor } from '../relations/access-for.ts';
import { LinkCollector } from '../relations/link-entities.ts';
import type { PendingLink, Relation } from '../relations/relation.ts';
import { addApiHandlers } from './api-handler.ts';
import { consumersAsWorkers } from './consumers-as-workers.ts';
import { dropCalledApis } from './drop-called-apis.ts';
import { foldBackupBuckets } from './fold-backup-bucket.ts';
import { foldSiteParts } from './fold-site-parts.ts';

export interface CompletionInput {
  readonly resolver: EntityResolver;
  readonly relations: readonly Relation[];
  readonly pending: readonly PendingLink[];
  readonly associations: LinkCollector['associations'];
  readonly called: LinkCollector['called'];
  readonly sentences: readonly Sentence[];
}

export interface CompletionResult {
  readonly relations: Relation[];
  readonly questions: string[];
}

const COMPUTE: ReadonlySet<ComponentKind> = new Set(COMPUTE_KINDS);
/** Kinds that make no sense on their own: each fronts, protects, delivers to or runs something. */
const DEPENDENT: ReadonlySet<ComponentKind> = new Set([
  'http_api',
  'load_balancer',
  'cdn',
  'dns',
  'user_pool',
  'delivery_stream',
]);
const TIMER_TARGETS: ReadonlySet<ComponentKind> = new Set([
  'function',
  'workflow',
  'worker',
  'container_service',
  'queue',
  'topic',
]);

/** Whether stated links already lead from one entity to another ("bucket → bus → topic"). */
function reaches(from: Entity, to: Entity, relations: readonly Relation[]): boolean {
  const seen = new Set([from]);
  const queue = [from];
  while (queue.length > 0) {
    const at = queue.shift()!;
    for (const r of relations) {
      if (r.negated || r.from !== at || seen.has(r.to)) continue;
      if (r.to === to) return true;
      seen.add(r.to);
      queue.push(r.to);
    }
  }
  return false;
}

function connected(entity: Entity, relations: readonly Relation[]): boolean {
  return relations.some((r) => !r.negated && (r.from === entity || r.to === entity));
}

/** Code the message implies but does not name: "a cron job that reads the table" needs a function to do it. */
function implicitFunction(resolver: EntityResolver, byTrigger: Map<Entity, Entity>, source: Entity): Entity {
  const known = byTrigger.get(source);
  if (known) return known;
  const fn = resolver.make('function', [], { implicit: true, role: [...source.role, 'handler'] });
  resolver.entities.push(fn);
  byTrigger.set(source, fn);
  return fn;
}

/**
 * The completion stage: puts code between a source and work only code can do, gives scheduled things
 * their schedule, and wires an unconnected new entity the knowledge base's typical way when exactly one
 * partner is plausible (otherwise it asks one short question).
 */
export function completeWiring(input: CompletionInput): CompletionResult {
  const { resolver } = input;
  const links = new LinkCollector();
  for (const r of input.relations) links.add(r);
  links.associations.push(...input.associations);
  foldSiteParts(resolver, links);
  foldBackupBuckets(resolver, links, input.sentences);
  consumersAsWorkers(resolver, links);
  dropCalledApis(resolver, links, input.called);
  addApiHandlers(resolver, links);
  const questions: string[] = [];
  const byTrigger = new Map<Entity, Entity>();
  for (const p of input.pending) {
    const source = p.trigger ?? p.actor;
    if (!source || accessFor(p.cls, 'function', p.patient.kind) === null) continue;
    if (accessFor('trigger', source.kind, 'function') === null) continue;
    // "sends a notification when a file lands" and later "the bucket's events go to a bus, then a topic"
    if (p.trigger && reaches(p.trigger, p.patient, links.relations)) continue;
    const existing = links.relations.find(
      (r) => r.from === source && r.to.kind === 'function' && r.access === 'trigger',
    )?.to;
    const fn = existing ?? implicitFunction(resolver, byTrigger, source);
    links.link('trigger', source, fn, 'completion');
    links.link(p.cls, fn, p.patient, p.cue);
  }
  for (const entity of [...resolver.entities]) {
    if (entity.scheduled === undefined) continue;
    if (entity.kind === 'cron') continue;
    // "run a Fargate task every night with EventBridge Scheduler": the scheduler named is its timer
    const named =
      links.relations.find((r) => r.to === entity && r.access === 'trigger' && r.from.kind === 'cron')
        ?.from ??
      resolver.entities.find(
        (e) => e.kind === 'cron' && !e.existing && !links.relations.some((r) => r.from === e),
      );
    if (named) {
      if (entity.scheduled && named.params.schedule === undefined) named.params.schedule = entity.scheduled;
      links.link('trigger', named, entity, 'completion');
      continue;
    }
    const timer = resolver.make('cron', [], {
      implicit: true,
      role: [...entity.role],
      ...(entity.scheduled ? { params: { schedule: entity.scheduled } } : {}),
    });
    resolver.entities.push(timer);
    links.link('trigger', timer, entity, 'completion');
  }
  // "30 HTTP APIs backed by Lambda functions": a plural named with a counted group is one per member
  for (const r of links.relations) {
    const [group, item] = r.from.count > 1 ? [r.from, r.to] : [r.to, r.from];
    if (
      group.count > 1 &&
      item.count === 1 &&
      !item.existing &&
      !item.perItemOf &&
      item.mentions.length > 0 &&
      item.mentions.every((m) => m.plural && m.count === undefined)
    ) {
      item.count = group.count;
      item.perItemOf = group;
    }
  }
  const between = (a: Entity, b: Entity) =>
    links.relations.some((r) => (r.from === a && r.to === b) || (r.from === b && r.to === a));
  for (const item of resolver.entities) {
    const group = item.perItemOf;
    // "the users lambda and the orders lambda each get their own table": each member is linked already
    if (!group || between(item, group) || group.members?.every((m) => between(m, item))) continue;
    links.link('link', group, item, 'per');
  }
  const fresh = resolver.entities.filter((e) => !e.existing && (e.mentions.length > 0 || e.implicit));
  for (const timer of fresh.filter((e) => e.kind === 'cron' && !links.relations.some((r) => r.from === e))) {
    const targets = fresh.filter(
      (e) => TIMER_TARGETS.has(e.kind) && !links.relations.some((r) => r.to === e && r.access === 'trigger'),
    );
    if (targets.length === 1) links.link('trigger', timer, targets[0]!, 'completion');
    else if (targets.length === 0)
      questions.push('What should the schedule run: a Lambda function, a workflow or a container task?');
  }
  for (const entity of fresh) {
    if (!DEPENDENT.has(entity.kind) || connected(entity, links.relations)) continue;
    const partners = resolver.entities.filter(
      (other) => other !== entity && typicalWiring(entity.kind, other.kind) !== null,
    );
    const newPartners = partners.filter((e) => !e.existing);
    const pool = newPartners.length > 0 ? newPartners : fresh.length === 1 ? partners : [];
    const unlinked = pool.filter((e) => !connected(e, links.relations) || COMPUTE.has(e.kind));
    const choice = unlinked.length === 1 ? unlinked : pool.length === 1 ? pool : [];
    if (choice.length === 1) {
      const other = choice[0]!;
      const wiring = typicalWiring(entity.kind, other.kind)!;
      const from =
        wiring.from === entity.kind && (wiring.to !== other.kind || wiring.from !== other.kind)
          ? entity
          : other;
      links.add({ from, to: from === entity ? other : entity, access: wiring.access, cue: 'completion' });
    } else if (pool.length > 1 && fresh.length > 1) {
      questions.push(
        `How should the ${entity.mentions[0]?.text ?? entity.kind} connect: to ${pool.map((e) => e.existing ?? e.mentions[0]?.text ?? e.kind).join(' or ')}?`,
      );
    }
  }
  return { relations: links.relations, questions };
}
