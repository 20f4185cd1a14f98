import type { ParamValue } from '../../../model/architecture.ts';
import type { ComponentKind } from '../../../model/kinds.ts';
import type { Evidence } from '../lexicon/kind-phrases.ts';
import type { Mention } from '../mentions/mention.ts';

/**
 * One thing the message talks about, however many times it is named: an existing component, or one (or
 * a group of) components to create.
 */
export interface Entity {
  readonly key: number;
  kind: ComponentKind;
  /** The id of the existing component this entity is. */
  existing?: string;
  readonly mentions: Mention[];
  /** Words naming it ("orders" for "the orders table"). */
  role: string[];
  /** A name given with "called". */
  name?: string;
  /** How many components it stands for ("two queues" → 2). */
  count: number;
  /** Per-member roles of a group ("one for orders and one for emails"). */
  memberRoles: string[];
  params: Record<string, ParamValue>;
  evidence: Evidence;
  /** Kinds a generic word left open; a question asks which. */
  alternatives?: readonly ComponentKind[];
  /** Added by completion, not named in the message. */
  implicit: boolean;
  /** For a group of existing components ("one worker per queue" over three queues): the members. */
  members?: Entity[];
  /** One per member of this other entity's group ("each … its own Lambda"). */
  perItemOf?: Entity;
  /**
   * Named only by a generic word with nothing to back it ("the checkout service"): it becomes a
   * component only if the message has it act ("the payments service needs a secret").
   */
  tentative?: boolean;
  /** A schedule adjective or phrase put it on a timer; the schedule when known. */
  scheduled?: string | null;
}

export function isNew(entity: Entity): boolean {
  return entity.existing === undefined;
}

/** The words a reply uses for an entity: its id, name, or role and kind. */
export function entityLabel(entity: Entity): string {
  if (entity.existing) return entity.existing;
  if (entity.name) return entity.name;
  const mention = entity.mentions[0];
  return mention ? mention.text : entity.kind;
}
