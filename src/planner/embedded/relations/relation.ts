import type { AccessMode } from '../../../model/kinds.ts';
import type { Entity } from '../entities/entity.ts';
import type { LinkClass } from './access-for.ts';

/** A link between two entities the message states (or completion adds). */
export interface Relation {
  readonly from: Entity;
  readonly to: Entity;
  readonly access: AccessMode;
  /** What said so: a verb's lemma, a preposition, or "completion". */
  readonly cue: string;
  /** Only the link the negated verb names is meant to go ("should no longer write to it"). */
  readonly negated?: boolean;
  /** Made from "with"/"for" alone: a verb linking the same two things replaces it. */
  readonly weak?: boolean;
}

/**
 * A link the message asks for that the knowledge base cannot make directly: a non-compute actor doing
 * what only code can do ("a cron job that reads from the orders table", "send an email whenever a row
 * lands in the users table"). Completion puts code in between.
 */
export interface PendingLink {
  readonly actor: Entity | undefined;
  readonly patient: Entity;
  readonly cls: LinkClass;
  /** The source whose events start the work, when an event clause says so. */
  readonly trigger?: Entity;
  readonly cue: string;
}
