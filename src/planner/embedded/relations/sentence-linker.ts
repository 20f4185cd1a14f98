import type { Sentence } from '../analysis/token.ts';
import type { Entity } from '../entities/entity.ts';
import { CREATION_VERBS, FLOW_VERBS } from '../lexicon/verbs.ts';
import type { Mention } from '../mentions/mention.ts';
import { accessFor, type LinkClass } from './access-for.ts';
import {
  accessPhrase,
  isCarriedPlace,
  isCarriedTheme,
  playsAfter,
  unnamedSubject,
} from './clause-readings.ts';
import { type Argument, type Clause, clausesOf } from './clauses.ts';
import type { Discourse } from './discourse.ts';
import type { RelationInput } from './find-relations.ts';
import type { LinkCollector } from './link-entities.ts';
import { CHANNEL_KINDS, COMPUTE, DATA_CLASSES, MAKES, verbClass } from './link-vocabulary.ts';
import { type Linked, linkNounPhrases } from './noun-phrase-links.ts';
import { arrows, eventLinks, eventSources, motion, purposeOnEarlier } from './shape-links.ts';
import { active, passive, relative } from './verb-links.ts';

/** Verbs that say where something is: "sits in front of", "lives behind". */
const PLACING_VERBS = new Set(['sit', 'stand', 'live', 'stay', 'be']);

/** Reads one sentence's clauses into relations, carrying what each clause leaves to the next. */
export class SentenceLinker {
  actorsBefore: Entity[] = [];
  readonly objectsBefore: Entity[] = [];
  patientsBefore: Entity[] = [];
  readonly events: { clause: Clause; sources: Entity[]; index: number }[] = [];
  /** "…, using Amazon EventBridge": the channel an event of this sentence travels through. */
  eventChannel: Entity | undefined;
  readonly actorsOf = new Map<Clause, Entity[]>();

  constructor(
    readonly sentence: Sentence,
    readonly input: RelationInput,
    readonly discourse: Discourse,
    readonly links: LinkCollector,
    readonly references: Map<Mention, Entity[]>,
  ) {}

  entities(
    m: Mention,
    asSubject: boolean,
    fits?: (e: Entity) => boolean,
    not?: Entity,
    preferCode = false,
  ): Entity[] {
    if (m.type === 'carried' && m.about) return this.entities(m.about, asSubject);
    if (m.type === 'pronoun' || m.type === 'carried') {
      const known = this.references.get(m);
      if (known) return known;
      const found = this.discourse.resolve(m, {
        asSubject,
        preferCode,
        ...(fits ? { fits } : {}),
        ...(not ? { not } : {}),
      });
      this.references.set(m, found);
      this.discourse.note(found, m, asSubject);
      return found;
    }
    const found = this.input.of.get(m) ?? [];
    return found;
  }

  run(from = 0): void {
    arrows(this, from);
    const clauses = clausesOf(this.sentence.tokens, this.input.mentions[this.sentence.index]!)
      .filter((c) => c.start >= from)
      // "using the DynamoDB service integration" says how, not what: no link of its own
      .map((c) => ({ ...c, objects: c.objects.filter((a) => a.mention.feature !== 'means') }));
    for (const [index, clause] of clauses.entries()) this.clause(clause, index);
    for (const event of this.events) eventLinks(this, event, clauses);
  }

  clause(clause: Clause, index: number): void {
    const lemma = clause.verb?.lemma;
    const cls = lemma ? verbClass(lemma) : undefined;
    // "it also needs to talk to a MySQL db": "it" is what can do that to the objects
    const objectMentions =
      clause.objects.length > 0 || clause.type !== 'relative'
        ? clause.objects.map((a) => a.mention)
        : clause.antecedents.slice(0, 1);
    const objectKinds = objectMentions.flatMap((m) => this.input.of.get(m) ?? []).map((e) => e.kind);
    const able = (e: Entity) =>
      cls === undefined ||
      objectKinds.length === 0 ||
      objectKinds.some((k) => accessFor(cls, e.kind, k) !== null);
    const subjects = clause.subjects.flatMap((a) =>
      this.entities(a.mention, true, able, undefined, cls !== undefined && DATA_CLASSES.has(cls)),
    );
    for (const a of clause.subjects) this.discourse.note(this.entities(a.mention, true), a.mention, true);
    let actors = subjects;
    if (clause.type === 'coordinated' && actors.length === 0) actors = this.actorsBefore;
    if (actors.length === 0 && clause.type === 'main' && cls && DATA_CLASSES.has(cls)) {
      // "Each invocation receives a batch and updates the item": what the text describes does it
      const code = unnamedSubject(this.sentence.tokens, clause)
        ? this.discourse.lastSubjectCode(this.sentence.index, clause.start)
        : undefined;
      if (code) actors = [code];
    }
    if (clause.type === 'purpose' && actors.length === 0) {
      const code = clause.antecedents
        .flatMap((m) => this.input.of.get(m) ?? [])
        .find((e) => COMPUTE.has(e.kind));
      actors = code ? [code] : this.actorsBefore;
    }
    if (clause.type === 'event') {
      this.events.push({ clause, sources: eventSources(this, clause, subjects), index });
      this.actorsOf.set(clause, []);
      this.noteObjects(clause);
      return;
    }
    if (cls && this.withParticiple(clause, cls)) return;
    if (lemma && FLOW_VERBS.has(lemma) && !clause.verb?.passive && motion(this, clause, actors)) {
      // "should go to the CloudFront distribution in front of our S3 bucket": what the places say of each other
      const places = clause.objects.flatMap((a) =>
        this.entities(a.mention, false).map((entity) => ({ entity, prep: a.prep })),
      );
      if (places.some((x) => x.prep === 'front' || x.prep === 'behind'))
        linkNounPhrases(places, this.links, lemma);
      return;
    }
    if (lemma === 'use' && clause.type === 'relative' && this.channelOfEvent(clause)) return;
    const access = accessPhrase(this.sentence.tokens, clause);
    if (access && clause.objects.length > 0) {
      // "needs read-only access to the bucket", "give the Lambda read access to the table"
      const holders =
        actors.length > 0
          ? actors
          : clause.objects
              .filter((a) => a.prep === undefined)
              .flatMap((a) => this.entities(a.mention, false));
      const targets = clause.objects
        .filter((a) => a.prep === 'to' || a.prep === 'on')
        .flatMap((a) => this.entities(a.mention, false));
      for (const holder of holders)
        for (const target of targets)
          if (this.links.link(access, holder, target, 'access')) delete holder.tentative;
      if (holders.length > 0 && targets.length > 0) {
        this.actorsBefore = holders;
        this.actorsOf.set(clause, holders);
        this.noteObjects(clause);
        return;
      }
    }
    const makes =
      lemma !== undefined &&
      !clause.verb?.passive &&
      (MAKES.has(lemma) || (CREATION_VERBS.has(lemma) && actors.length === 0 && clause.type === 'main'));
    if (!clause.verb || makes || cls === undefined) {
      if (clause.verb && actors.length > 0) {
        // "the payments service needs a secret": the subject uses what it needs
        for (const actor of actors) {
          // "needs the partner API key from Secrets Manager": what it needs comes from there
          for (const object of clause.objects.filter((a) => a.prep === undefined || a.prep === 'from')) {
            for (const patient of this.entities(object.mention, false)) {
              if (this.links.link('link', actor, patient, lemma ?? 'need') && !patient.tentative)
                delete actor.tentative;
            }
          }
        }
        this.actorsBefore = actors;
        this.actorsOf.set(clause, actors);
        // "an ALB sits in front of the Fargate tasks": where the subject is, said of the subject
        const placed = PLACING_VERBS.has(lemma ?? '')
          ? actors.slice(0, 1).map((entity) => ({ entity, prep: undefined }))
          : [];
        linkNounPhrases(
          [
            ...placed,
            ...clause.objects.flatMap((a) =>
              this.entities(a.mention, false).map((entity) => ({ entity, prep: a.prep })),
            ),
          ],
          this.links,
          lemma ?? 'with',
        );
        this.noteObjects(clause);
        return;
      }
      // "a queue that is the source for a Lambda": the relative's noun phrases hang on its antecedent
      const head =
        clause.type === 'relative' && clause.subjects.every((a) => a.prep !== undefined)
          ? clause.antecedents.slice(0, 1).map((mention) => ({ mention, prep: undefined }))
          : [];
      // what travels ("for refund events") is not a thing to wire, unless it says where it is
      const items = [...head, ...clause.subjects, ...clause.objects].filter(
        (a) => a.mention.type !== 'carried' || a.mention.about,
      );
      const linked: Linked[] = items.flatMap((a) =>
        this.entities(a.mention, false).map((entity) => ({
          entity,
          prep: a.prep,
          ...playsAfter(this.sentence.tokens, a.mention),
        })),
      );
      linkNounPhrases(linked, this.links, lemma ?? 'with');
      // "weekly report lambda, mondays at 8am, emails the pdf": what a later clause's verb is done by
      const code = linked.map((x) => x.entity).find((e) => COMPUTE.has(e.kind));
      if (actors.length > 0) this.actorsBefore = actors;
      else if (code) this.actorsBefore = [code];
      this.actorsOf.set(clause, actors);
      this.noteObjects(clause);
      return;
    }
    const negated = clause.verb.negated;
    if (clause.verb.passive) {
      passive(this, clause, cls, subjects, negated);
      this.noteObjects(clause);
      return;
    }
    const all = clause.objects.filter((a) => !isCarriedTheme(a, clause.objects) && !isCarriedPlace(a));
    // "sends them to a queue for the worker": "for"/"with" after an object qualifies that object
    const patients: Argument[] = [];
    for (const a of all) {
      const previous = patients.at(-1);
      // "the DynamoDB stream of the orders table": "of" names what the object belongs to
      if (previous && a.prep === 'of') continue;
      if (previous && (a.prep === 'for' || a.prep === 'with') && previous.prep !== 'with') {
        let linked = false;
        for (const x of this.entities(previous.mention, false))
          for (const y of this.entities(a.mention, false))
            linked = this.links.link('link', x, y, a.prep) || linked;
        // "calls the Data API with a secret from Secrets Manager": what the object cannot hold, the doer uses
        if (!linked && a.prep === 'with')
          for (const actor of actors)
            for (const y of this.entities(a.mention, false)) this.links.link('link', actor, y, a.prep);
        continue;
      }
      patients.push(a);
    }
    if (clause.type === 'relative' && actors.length === 0) {
      for (const object of patients) relative(this, clause, cls, object, negated);
      // "a Lambda that analyses images as they are uploaded": what the relative says, its antecedent does
      if (!this.actorsOf.has(clause)) {
        // "a Lambda that runs whenever …": the relative's doer is what it hangs on
        const antecedent = clause.antecedents
          .flatMap((m) => this.entities(m, false))
          .find((e) => COMPUTE.has(e.kind));
        if (antecedent) this.actorsOf.set(clause, [antecedent]);
      }
      this.noteObjects(clause);
      return;
    }
    if (clause.type === 'relative' && patients.length === 0) {
      // "a table (that) the function reads from": the relative's object is what it hangs on
      const antecedent = clause.antecedents
        .flatMap((m) => this.entities(m, false))
        .find((e) => !actors.includes(e) && actors.some((a) => accessFor(cls, a.kind, e.kind) !== null));
      if (antecedent)
        for (const actor of actors) this.links.link(cls, actor, antecedent, clause.verb.lemma, { negated });
      this.actorsOf.set(clause, actors);
      this.noteObjects(clause);
      return;
    }
    const before = this.links.relations.length;
    active(this, clause, cls, actors, patients, negated);
    // "a Lambda batches them into S3": "them" are the records of the stream named before; the code reads it
    for (const theme of clause.objects.filter(
      (a) => isCarriedTheme(a, clause.objects) && a.mention.type === 'pronoun',
    )) {
      for (const actor of actors) {
        const channel = this.entities(theme.mention, false, (e) => CHANNEL_KINDS.has(e.kind), actor).find(
          (e) => CHANNEL_KINDS.has(e.kind),
        );
        if (channel && !negated) this.links.link('consume', actor, channel, clause.verb.lemma);
      }
    }
    if (clause.type === 'purpose' && this.links.relations.length === before)
      purposeOnEarlier(this, clause, cls, actors, patients);
    if (actors.length > 0) this.actorsBefore = actors;
    this.actorsOf.set(clause, actors);
    this.noteObjects(clause);
  }

  /** "an SNS topic for alarms, with a Lambda subscribed": the thing named with "with" does it to the head. */
  private withParticiple(clause: Clause, cls: LinkClass): boolean {
    const last = clause.subjects.at(-1);
    const head = clause.subjects[0];
    if (!clause.verb || clause.objects.length > 0 || !last || !head || last === head) return false;
    if (last.prep !== 'with' || last.mention.end !== clause.verb.at) return false;
    let linked = false;
    for (const actor of this.entities(last.mention, false))
      for (const patient of this.entities(head.mention, false))
        linked = this.links.link(cls, actor, patient, clause.verb.lemma) || linked;
    if (linked) this.actorsBefore = this.entities(last.mention, false);
    return linked;
  }

  /** "Start a workflow when an object is created, using EventBridge": the channel the event goes through. */
  private channelOfEvent(clause: Clause): boolean {
    const hasEvent = clausesOf(this.sentence.tokens, this.input.mentions[this.sentence.index]!).some(
      (c) => c.type === 'event',
    );
    const channels = clause.objects
      .filter((a) => a.prep === 'using')
      .flatMap((a) => this.entities(a.mention, false))
      .filter((e) => CHANNEL_KINDS.has(e.kind));
    if (!hasEvent || channels.length !== 1 || clause.objects.length !== 1) return false;
    this.eventChannel = channels[0];
    return true;
  }

  noteObjects(clause: Clause): void {
    for (const a of clause.objects) {
      const found = this.entities(a.mention, false);
      this.discourse.note(found, a.mention, false);
      this.objectsBefore.push(...found);
    }
  }

  /** Links actor and patient; an actor named only by a generic word becomes real by acting. */
  connect(cls: LinkClass, actor: Entity, patient: Entity, cue: string, p: Argument, negated: boolean): void {
    if (actor === patient) return;
    const eventSource = p.mention.feature === 'stream' || p.mention.feature === 'events';
    if (this.links.link(cls, actor, patient, cue, { eventSource, negated })) {
      if (!patient.tentative) delete actor.tentative;
      // "should serve the engineering blog site": a named thing a real component acts on is real
      else if (!actor.tentative && patient.role.length > 0 && patient.count === 1 && !p.mention.plural)
        delete patient.tentative;
      return;
    }
    // "the state machine calls the API": code calling an API names one it does not own
    if (cls === 'invoke' && patient.kind === 'http_api' && COMPUTE.has(actor.kind))
      this.links.called.add(patient);
    if (!negated && !COMPUTE.has(actor.kind)) this.links.defer({ actor, patient, cls, cue });
  }
}
