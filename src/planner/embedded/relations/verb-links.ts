import type { Entity } from '../entities/entity.ts';
import { INVERSE_VERBS, VERB_CLASSES } from '../lexicon/verbs.ts';
import { accessFor, type LinkClass } from './access-for.ts';
import type { Argument, Clause } from './clauses.ts';
import {
  CHANNEL_KINDS,
  CHANNEL_PREPS,
  COMPUTE,
  DATA_CLASSES,
  PLACE_PREPS,
  SOURCE_PREPS,
} from './link-vocabulary.ts';
import type { SentenceLinker } from './sentence-linker.ts';

export function active(
  s: SentenceLinker,
  clause: Clause,
  cls: LinkClass,
  actorsIn: Entity[],
  patientsIn: Argument[],
  negated: boolean,
): void {
  let actors = actorsIn;
  let patients = patientsIn;
  const channel = patients.find((a) => a.prep !== undefined && CHANNEL_PREPS.has(a.prep));
  const cue = clause.verb!.lemma;
  const source = patients.find((a) => a.prep !== undefined && SOURCE_PREPS.has(a.prep));
  const place = patients.find((a) => a.prep !== undefined && PLACE_PREPS.has(a.prep));
  if (actors.length === 0 && source && place) {
    // "route the events from EventBridge into a queue": from the source to the place
    for (const from of s.entities(source.mention, false))
      for (const to of s.entities(place.mention, false)) s.links.link('flow', from, to, cue);
    return;
  }
  const host = patients.find((a) => a.prep === 'on');
  if (actors.length === 0 && host && ['run', 'host', 'live', 'sit', 'deploy'].includes(cue)) {
    // "the legacy app runs on two EC2 instances … and uses a MySQL db": the instances do what the app does
    s.actorsBefore = s.entities(host.mention, false);
    return;
  }
  const direct = patients.find((a) => a.prep === undefined && a.mention.type !== 'carried');
  if (
    actors.length === 0 &&
    clause.type === 'main' &&
    direct &&
    patients.some((a) => a !== direct && a.prep !== undefined)
  ) {
    // "connect the service to the search domain", "subscribe a queue to the topic": the object acts
    actors = s.entities(direct.mention, false);
    patients = patients.filter((a) => a !== direct);
  }
  if (cls === 'transfer') {
    for (const actor of actors) {
      for (const p of patients) {
        if (p.prep === undefined && (p.mention.type === 'pronoun' || p.mention.type === 'carried')) {
          // "a Lambda batches them into S3": them are the records of the stream named before
          const channel = s
            .entities(p.mention, false, (e) => CHANNEL_KINDS.has(e.kind), actor)
            .find((e) => CHANNEL_KINDS.has(e.kind));
          if (channel) s.connect('consume', actor, channel, cue, p, negated);
          continue;
        }
        for (const patient of s.entities(p.mention, false, undefined, actor)) {
          const into = p.prep !== undefined && PLACE_PREPS.has(p.prep);
          const from = p.prep !== undefined && SOURCE_PREPS.has(p.prep);
          // a verb the lexicon does not know ("favours Redis") links its object the usual way
          const direct: LinkClass = VERB_CLASSES.has(cue) || from ? 'read' : 'link';
          s.connect(into ? 'write' : direct, actor, patient, cue, p, negated);
        }
      }
    }
    return;
  }
  for (const actor of actors) {
    let reached = false;
    for (const p of patients) {
      if (p === channel) continue;
      // "calls Rekognition on the object": calling a service on stored data reads it
      const pcls: LinkClass = cls === 'invoke' && p.prep === 'on' ? 'read' : cls;
      // "a workflow and a queue both receive them": "them" is none of the doers
      const fits = (e: Entity) => !actors.includes(e) && accessFor(pcls, actor.kind, e.kind) !== null;
      for (const patient of s.entities(p.mention, false, fits, actor)) {
        reached = true;
        if (channel) {
          for (const via of s.entities(channel.mention, false)) {
            s.links.link('flow', actor, via, cue);
            s.links.link('flow', via, patient, cue);
          }
          delete actor.tentative;
          continue;
        }
        const effective =
          p.prep !== undefined && SOURCE_PREPS.has(p.prep) && (cls === 'publish' || cls === 'write')
            ? 'read'
            : pcls;
        s.connect(effective, actor, patient, cue, p, negated);
      }
    }
    if (channel && !reached) {
      for (const via of s.entities(channel.mention, false)) s.connect(cls, actor, via, cue, channel, negated);
    }
  }
}

/** Verbs a system does to data in a description ("is sent to", "is stored in"), not a user ("is uploaded to"). */
const SYSTEM_VERBS = new Set([
  'send',
  'store',
  'save',
  'write',
  'persist',
  'publish',
  'pass',
  'forward',
  'push',
  'deliver',
  'emit',
  'log',
  'record',
  'index',
  'return',
  'route',
  'queue',
  'enqueue',
  'post',
]);

function carriedOrNone(clause: Clause): boolean {
  return clause.subjects.every((a) => a.mention.type === 'carried' || a.mention.type === 'other');
}

/** The code or workflow the text has been describing, when it is the subject of the clause before. */
function describedCode(s: SentenceLinker, clause: Clause, places: readonly Entity[]): Entity | undefined {
  const subject = s.discourse.lastSubject(s.sentence.index, clause.start);
  if (!subject || places.includes(subject)) return undefined;
  return COMPUTE.has(subject.kind) ? subject : undefined;
}

export function passive(
  s: SentenceLinker,
  clause: Clause,
  cls: LinkClass,
  subjects: Entity[],
  negated: boolean,
): void {
  const byAgents = clause.objects.filter((a) => a.prep === 'by').flatMap((a) => s.entities(a.mention, false));
  const places = clause.objects.filter((a) => a.prep !== 'by');
  const cue = clause.verb!.lemma;
  let patients = subjects.length > 0 ? subjects : clause.type === 'coordinated' ? s.patientsBefore : [];
  if (patients.length === 0 && clause.type === 'coordinated')
    patients = clause.antecedents.flatMap((m) => s.input.of.get(m) ?? []).slice(0, 1);
  const placed = places.flatMap((a) => s.entities(a.mention, false));
  // "records are written to a stream … and processed by a Lambda": what is processed is on the stream
  const carriedOnly =
    clause.subjects.length > 0 &&
    clause.subjects.every((a) => a.mention.type === 'carried' && !a.mention.about);
  s.patientsBefore = (carriedOnly || patients.length === 0) && placed.length > 0 ? placed : patients;
  if (carriedOnly) patients = [];
  if (INVERSE_VERBS.has(cue)) {
    // "a Fargate service backed by EFS": the subject uses the agent
    if (clause.type === 'relative' && patients.length === 0) {
      const user = clause.antecedents
        .flatMap((m) => s.input.of.get(m) ?? [])
        .find((e) => byAgents.some((a) => a !== e && accessFor(cls, e.kind, a.kind) !== null));
      patients = user ? [user] : [];
    }
    for (const user of patients) for (const used of byAgents) s.links.link(cls, user, used, cue, { negated });
    s.actorsBefore = patients;
    s.actorsOf.set(clause, patients);
    return;
  }
  // "the result of the trade is sent to an SNS topic" in a description of a workflow: the thing described sends it
  const described =
    // ("every message sent to the queue" describes what travels, not who sends it)
    byAgents.length === 0 && clause.type !== 'relative' && carriedOrNone(clause) && SYSTEM_VERBS.has(cue)
      ? describedCode(s, clause, placed)
      : undefined;
  const agents = described ? [described] : byAgents;
  if (clause.type === 'relative' && patients.length === 0) {
    const agent = agents[0];
    const antecedent = clause.antecedents
      .flatMap((m) => s.input.of.get(m) ?? [])
      .find((e) => e !== agent && (agent === undefined || accessFor(cls, agent.kind, e.kind) !== null));
    patients = antecedent ? [antecedent] : [];
  }
  if (agents.length === 0) {
    // "files are uploaded to the bucket", "orders are written to DynamoDB": a place without a doer
    s.actorsBefore = patients;
    return;
  }
  for (const agent of agents) {
    for (const patient of patients) {
      const eventSource = clause.subjects.some(
        (a) => a.mention.feature === 'stream' || a.mention.feature === 'events',
      );
      if (s.links.link(cls, agent, patient, cue, { eventSource, negated })) {
        if (!patient.tentative) delete agent.tentative;
      } else if (!negated && !COMPUTE.has(agent.kind)) s.links.defer({ actor: agent, patient, cls, cue });
    }
    // "written by a Lambda to OpenSearch through a Firehose stream": to the place by way of the channel
    const channel = places.find((a) => a.prep !== undefined && CHANNEL_PREPS.has(a.prep));
    const vias = channel ? s.entities(channel.mention, false) : [];
    const targets = places.filter(
      (a) => a !== channel && (a.mention.type !== 'carried' || a.mention.about !== undefined),
    );
    for (const place of targets) {
      for (const target of s.entities(place.mention, false, undefined, agent)) {
        if (vias.length > 0 && !vias.includes(target)) {
          for (const via of vias) {
            s.links.link('flow', agent, via, cue);
            s.links.link('flow', via, target, cue);
          }
          continue;
        }
        if (s.links.link(cls, agent, target, cue, { negated }) && !target.tentative) delete agent.tentative;
      }
    }
    if (targets.length === 0)
      for (const via of vias) if (s.links.link(cls, agent, via, cue, { negated })) delete agent.tentative;
  }
  // "the function is triggered by the queue and stores each order": the next verb is the subject's
  s.actorsBefore = patients.length > 0 && clause.type !== 'relative' ? patients : agents;
  s.actorsOf.set(clause, agents);
}

/** "…, which routes them to SNS", "a queue that a Lambda reads": the actor is an earlier mention that can do it. */
export function relative(
  s: SentenceLinker,
  clause: Clause,
  cls: LinkClass,
  object: Argument,
  negated: boolean,
): void {
  const antecedents = clause.antecedents.flatMap((m) => s.entities(m, false));
  const fits = (e: Entity) => antecedents.some((a) => a !== e && accessFor(cls, a.kind, e.kind) !== null);
  for (const patient of s.entities(object.mention, false, fits, antecedents[0])) {
    const able = antecedents.filter((e) => e !== patient && accessFor(cls, e.kind, patient.kind) !== null);
    const lead = s.sentence.tokens.slice(clause.start, clause.verb!.at).map((t) => t.w);
    if (lead.includes('both') || lead.includes('all') || lead.includes('each')) {
      // "a Lambda and a worker, both writing to a bucket"
      const all = able.filter((e) => e.kind !== patient.kind);
      for (const actor of all) s.connect(cls, actor, patient, clause.verb!.lemma, object, negated);
      if (all.length > 0) {
        s.actorsBefore = all;
        s.actorsOf.set(clause, all);
        continue;
      }
    }
    // "a Lambda behind an HTTP API writing to DynamoDB": code does the writing, not the API in front of it
    const actor =
      (DATA_CLASSES.has(cls) ? able.find((e) => COMPUTE.has(e.kind)) : undefined) ??
      able[0] ??
      antecedents.find((e) => e !== patient);
    if (!actor) continue;
    s.connect(cls, actor, patient, clause.verb!.lemma, object, negated);
    s.actorsBefore = [actor];
    s.actorsOf.set(clause, [actor]);
  }
}
