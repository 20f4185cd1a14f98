import type { Entity } from '../entities/entity.ts';
import type { LinkClass } from './access-for.ts';
import type { Argument, Clause } from './clauses.ts';
import {
  CHANNEL_KINDS,
  CHANNEL_PREPS,
  COMPUTE,
  PLACE_PREPS,
  SOURCE_PREPS,
  verbClass,
} from './link-vocabulary.ts';
import type { SentenceLinker } from './sentence-linker.ts';

/**
 * "API Gateway → Lambda → DynamoDB", "Order placed → SNS topic → fans out to two SQS queues": each arrow
 * links the thing before it to the first thing after it, as a flow (or as the verb right after the arrow).
 */
export function arrows(s: SentenceLinker, from: number): void {
  const { tokens } = s.sentence;
  const mentions = s.input.mentions[s.sentence.index]!.filter((m) => m.type !== 'other' && m.start >= from);
  tokens.forEach((t, i) => {
    if (t.w !== '→' || i < from) return;
    const before = [...mentions].reverse().find((m) => m.end <= i);
    const after = mentions.find((m) => m.start > i);
    if (!before || !after || tokens.slice(i + 1, after.start).some((x) => x.w === '→')) return;
    const verb = tokens.slice(i + 1, after.start).find((x) => x.pos === 'VERB');
    const cls = (verb ? verbClass(verb.lemma) : undefined) ?? 'flow';
    for (const a of s.entities(before, false))
      for (const b of s.entities(after, false)) s.links.link(cls === 'transfer' ? 'flow' : cls, a, b, '→');
  });
}

/**
 * "events flow from the signup Lambda to a billing Lambda through an SNS topic", "notifications from the
 * bucket go to a queue", "uploads reach the worker through a queue": what moves goes from its source
 * (a "from" object or the subject) to its place, through the channel if one is named.
 */
export function motion(s: SentenceLinker, clause: Clause, actors: Entity[]): boolean {
  const cue = clause.verb!.lemma;
  const from = [...clause.subjects, ...clause.objects]
    .filter((a) => a.prep !== undefined && SOURCE_PREPS.has(a.prep))
    .flatMap((a) => s.entities(a.mention, false));
  const sources = from.length > 0 ? from : actors;
  const places = clause.objects
    .filter((a) => a.prep === undefined || PLACE_PREPS.has(a.prep))
    .flatMap((a) => s.entities(a.mention, false))
    .filter((e) => !sources.includes(e));
  const channels = clause.objects
    .filter((a) => a.prep !== undefined && CHANNEL_PREPS.has(a.prep))
    .flatMap((a) => s.entities(a.mention, false));
  if (places.length > 0 && sources.length === 0 && channels.length > 0) {
    // "orders get to the packing worker via a queue": the queue feeds the worker
    for (const via of channels) for (const place of places) s.links.link('flow', via, place, cue);
    s.noteObjects(clause);
    return true;
  }
  if (places.length === 0 || sources.length === 0) return false;
  for (const source of sources) {
    for (const place of places) {
      if (channels.length > 0) {
        for (const via of channels) {
          s.links.link('flow', source, via, cue);
          s.links.link('flow', via, place, cue);
        }
      } else s.links.link('flow', source, place, cue);
    }
    delete source.tentative;
  }
  s.actorsOf.set(clause, sources);
  s.noteObjects(clause);
  return true;
}

/**
 * "we need an ElastiCache cluster so that the pricing Lambda can cache its lookups": a purpose whose
 * object is not a component is about what the sentence asked for; "an SQS queue so that the Lambda can
 * hand off work to a worker" goes through that queue.
 */
export function purposeOnEarlier(
  s: SentenceLinker,
  clause: Clause,
  cls: LinkClass,
  actors: Entity[],
  patients: Argument[],
): void {
  const earlier = [...s.objectsBefore].reverse().filter((e) => !actors.includes(e));
  const named = patients.flatMap((p) => s.entities(p.mention, false)).filter((e) => !actors.includes(e));
  for (const actor of actors) {
    const channel = earlier.find((e) => CHANNEL_KINDS.has(e.kind));
    if (named.length > 0 && channel) {
      s.links.link('flow', actor, channel, clause.verb!.lemma);
      for (const target of named) s.links.link('flow', channel, target, clause.verb!.lemma);
      delete actor.tentative;
      continue;
    }
    for (const candidate of earlier) {
      if (s.links.link(cls, actor, candidate, clause.verb!.lemma)) {
        delete actor.tentative;
        break;
      }
    }
  }
}

export function eventSources(s: SentenceLinker, clause: Clause, subjects: Entity[]): Entity[] {
  const places = clause.objects.filter(
    (a) => a.prep === undefined || PLACE_PREPS.has(a.prep) || SOURCE_PREPS.has(a.prep),
  );
  const fromPlaces = places.flatMap((a) => s.entities(a.mention, false));
  const sources = fromPlaces.length > 0 ? fromPlaces : subjects;
  return sources.filter((e) => !COMPUTE.has(e.kind) || e.kind === 'workflow');
}

/** "When a file lands in the bucket, a Lambda resizes it": the source triggers the main clause's doer. */
export function eventLinks(
  s: SentenceLinker,
  event: { clause: Clause; sources: Entity[]; index: number },
  clauses: readonly Clause[],
): void {
  const after = clauses.slice(event.index + 1).find((c) => c.type !== 'event');
  const before = clauses
    .slice(0, event.index)
    .reverse()
    .find((c) => c.type !== 'event');
  const target = event.index === 0 ? (after ?? before) : (before ?? after);
  if (!target) return;
  const actors = (s.actorsOf.get(target) ?? []).filter((e) => COMPUTE.has(e.kind) || e.kind === 'workflow');
  for (const source of event.sources) {
    if (actors.length > 0) {
      for (const actor of actors) s.links.link('trigger', source, actor, 'when', { eventSource: true });
      continue;
    }
    // "send an email whenever a row lands in the users table": code has to do it
    const patients = target.objects.flatMap((a) => s.entities(a.mention, false)).filter((e) => e !== source);
    const cls = target.verb ? (verbClass(target.verb.lemma) ?? 'publish') : 'publish';
    for (const patient of patients) {
      const via = s.eventChannel;
      if (via && via !== source && via !== patient) {
        // "start a workflow when an object is created in the bucket, using EventBridge"
        s.links.link('flow', source, via, 'when');
        s.links.link('flow', via, patient, 'when');
        continue;
      }
      // "when a file lands in the bucket, an event is sent to EventBridge": the source sends it itself
      if (s.links.link('flow', source, patient, 'when')) continue;
      s.links.defer({ actor: undefined, patient, cls, trigger: source, cue: 'when' });
    }
  }
}
