import type { Entity } from '../entities/entity.ts';
import { accessFor, type LinkClass } from './access-for.ts';
import type { PendingLink, Relation } from './relation.ts';

/** Collects the relations and pending links a message states, once each. */
export class LinkCollector {
  readonly relations: Relation[] = [];
  readonly pending: PendingLink[] = [];
  /** Things named "with" a head ("an API with a Postgres database"): completion may put code between. */
  readonly associations: { head: Entity; item: Entity }[] = [];
  /** APIs that code calls ("the workflow calls the API"): someone else's, unless named as our own. */
  readonly called = new Set<Entity>();

  /**
   * Links actor and patient as the class says, if the knowledge base allows it in some direction; returns
   * whether it did. A group linked to its per-item copies ("each … its own") stays one relation here.
   */
  link(
    cls: LinkClass,
    actor: Entity,
    patient: Entity,
    cue: string,
    options: { eventSource?: boolean; negated?: boolean; weak?: boolean } = {},
  ): boolean {
    if (actor === patient) return false;
    const resolved = accessFor(cls, actor.kind, patient.kind, options);
    if (!resolved) return false;
    const from = resolved.from === 'actor' ? actor : patient;
    const to = resolved.from === 'actor' ? patient : actor;
    this.add({
      from,
      to,
      access: resolved.access,
      cue,
      ...(options.negated ? { negated: true } : {}),
      ...(cls === 'link' || options.weak ? { weak: true } : {}),
    });
    return true;
  }

  add(relation: Relation): void {
    const between = (r: Relation) =>
      (r.from === relation.from && r.to === relation.to) ||
      (r.from === relation.to && r.to === relation.from);
    if (relation.weak && this.relations.some(between)) return;
    if (!relation.weak) {
      for (let k = this.relations.length - 1; k >= 0; k--)
        if (this.relations[k]!.weak && between(this.relations[k]!)) this.relations.splice(k, 1);
    }
    const same = this.relations.find((r) => r.from === relation.from && r.to === relation.to);
    if (same) {
      if (same.access === relation.access && !same.negated === !relation.negated) return;
      // "reads from the table and writes to it": one read-write link
      const data = new Set(['read', 'write']);
      if (!same.negated && !relation.negated && data.has(same.access) && data.has(relation.access)) {
        this.relations[this.relations.indexOf(same)] = { ...same, access: 'readwrite' };
        return;
      }
      if (same.access === 'readwrite' && data.has(relation.access) && !relation.negated) return;
      // "stores its data in the database … connects to the database": the wider one
      if (relation.access === 'readwrite' && data.has(same.access) && !same.negated && !relation.negated) {
        this.relations[this.relations.indexOf(same)] = { ...same, access: 'readwrite' };
        return;
      }
    }
    // "the queue triggers the Lambda" after "the Lambda consumes the queue": one link, either way said
    const reverse = this.relations.find(
      (r) => r.from === relation.to && r.to === relation.from && r.access === relation.access,
    );
    if (reverse) return;
    this.relations.push(relation);
  }

  /** Remembers a link only code can make, for completion to put a function in between. */
  defer(link: PendingLink): void {
    if (!this.pending.some((p) => p.actor === link.actor && p.patient === link.patient))
      this.pending.push(link);
  }
}
