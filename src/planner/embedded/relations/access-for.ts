import { validAccessModes } from '../../../knowledge/access-modes.ts';
import { typicalWiring } from '../../../knowledge/typical-wiring.ts';
import type { AccessMode, ComponentKind } from '../../../model/kinds.ts';
import type { VerbClass } from '../lexicon/verbs.ts';

/** How a verb's class reads for a pair: the link runs from the actor (`fwd`) or to it (`rev`). */
type Choice = readonly [direction: 'fwd' | 'rev', access: AccessMode];

/** A link's class: a verb class, a directed flow ("X to Y", "X → Y"), or an undirected link ("X with Y"). */
export type LinkClass = VerbClass | 'flow';

const PREFERENCES: Readonly<Record<Exclude<LinkClass, 'link' | 'transfer'>, readonly Choice[]>> = {
  read: [
    ['fwd', 'read'],
    ['rev', 'trigger'],
    ['fwd', 'consume'],
    ['fwd', 'readwrite'],
    ['fwd', 'origin'],
  ],
  write: [
    ['fwd', 'write'],
    ['fwd', 'publish'],
    ['fwd', 'route'],
    ['fwd', 'trigger'],
    ['fwd', 'readwrite'],
  ],
  readwrite: [
    ['fwd', 'readwrite'],
    ['fwd', 'invoke'],
    ['fwd', 'route'],
    ['fwd', 'origin'],
    ['fwd', 'auth'],
    ['fwd', 'publish'],
    ['rev', 'trigger'],
    ['fwd', 'consume'],
    ['fwd', 'write'],
    ['fwd', 'read'],
    ['fwd', 'trigger'],
    ['rev', 'auth'],
  ],
  invoke: [
    ['fwd', 'invoke'],
    ['fwd', 'trigger'],
    ['fwd', 'route'],
    ['fwd', 'publish'],
  ],
  publish: [
    ['fwd', 'publish'],
    ['fwd', 'trigger'],
    ['fwd', 'route'],
    ['fwd', 'write'],
    ['fwd', 'invoke'],
  ],
  consume: [
    ['rev', 'trigger'],
    ['fwd', 'consume'],
    ['fwd', 'read'],
    ['fwd', 'readwrite'],
  ],
  trigger: [
    ['fwd', 'trigger'],
    ['fwd', 'invoke'],
    ['fwd', 'route'],
    ['fwd', 'publish'],
  ],
  route: [
    ['fwd', 'route'],
    ['fwd', 'origin'],
    ['fwd', 'invoke'],
    ['fwd', 'trigger'],
    ['fwd', 'auth'],
    // "a Lambda that forwards each alarm by email"
    ['fwd', 'publish'],
  ],
  origin: [
    ['fwd', 'origin'],
    ['fwd', 'route'],
  ],
  auth: [
    ['fwd', 'auth'],
    ['rev', 'auth'],
  ],
  flow: [
    ['fwd', 'route'],
    ['fwd', 'trigger'],
    ['fwd', 'origin'],
    ['fwd', 'auth'],
    ['fwd', 'publish'],
    ['fwd', 'invoke'],
    ['fwd', 'write'],
    ['rev', 'consume'],
    ['fwd', 'readwrite'],
    ['fwd', 'read'],
  ],
};

export interface ResolvedLink {
  readonly from: 'actor' | 'patient';
  readonly access: AccessMode;
}

/**
 * The link a verb class makes between an actor and a patient, as the knowledge base allows it: the first
 * of the class's preferences that is valid for the pair, or null. `eventSource` says the patient was
 * named as a source of events ("the DynamoDB stream", "S3 events"): reading it means being triggered.
 */
export function accessFor(
  cls: LinkClass,
  actor: ComponentKind,
  patient: ComponentKind,
  options: { eventSource?: boolean } = {},
): ResolvedLink | null {
  if (cls === 'link' || cls === 'transfer') {
    const typical = typicalWiring(actor, patient);
    if (typical)
      return {
        from: typical.from === actor && typical.to === patient ? 'actor' : 'patient',
        access: typical.access,
      };
    return null;
  }
  const forward = validAccessModes(actor, patient);
  const reverse = validAccessModes(patient, actor);
  if (cls === 'flow') {
    const typical = typicalWiring(actor, patient);
    // a flow into something is not a pull from it: "a service → a queue" publishes, it does not consume
    const pull = typical?.access === 'consume' || typical?.access === 'read';
    if (
      typical &&
      !pull &&
      typical.from === actor &&
      typical.to === patient &&
      forward.includes(typical.access)
    )
      return { from: 'actor', access: typical.access };
  }
  if (options.eventSource && reverse.includes('trigger')) return { from: 'patient', access: 'trigger' };
  const pulls = cls === 'read' || cls === 'consume';
  if (pulls && actor !== 'function' && (forward.includes('consume') || forward.includes('read'))) {
    // only Lambda is triggered by what it reads (event source mappings); other code pulls
    return {
      from: 'actor',
      access: forward.includes(cls) ? cls : forward.includes('consume') ? 'consume' : 'read',
    };
  }
  for (const [direction, access] of PREFERENCES[cls]) {
    if (direction === 'fwd' && forward.includes(access)) return { from: 'actor', access };
    if (direction === 'rev' && reverse.includes(access)) return { from: 'patient', access };
  }
  return null;
}
