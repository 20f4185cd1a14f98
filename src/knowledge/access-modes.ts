import type { AccessMode, ComponentKind } from '../model/kinds.ts';
import { ACCESS_MODES } from '../model/kinds.ts';
import type { ConnectionFamily } from './connection-family.ts';
import { CONNECTION_FAMILIES } from './connections/index.ts';
import { kindDefinition } from './kinds/index.ts';

const cache = new Map<string, { modes: AccessMode[]; families: Map<AccessMode, ConnectionFamily> }>();

function entry(fromKind: ComponentKind, toKind: ComponentKind) {
  const key = `${fromKind}>${toKind}`;
  let found = cache.get(key);
  if (!found) {
    const from = kindDefinition(fromKind);
    const to = kindDefinition(toKind);
    const families = new Map<AccessMode, ConnectionFamily>();
    for (const family of CONNECTION_FAMILIES) {
      for (const mode of family.modes(from, to)) if (!families.has(mode)) families.set(mode, family);
    }
    const modes = ACCESS_MODES.filter((mode) => families.has(mode));
    found = { modes, families };
    cache.set(key, found);
  }
  return found;
}

/** The access modes that make sense from one kind to another, in contract order (empty: not connectable). */
export function validAccessModes(fromKind: ComponentKind, toKind: ComponentKind): AccessMode[] {
  return [...entry(fromKind, toKind).modes];
}

/** The connection family that implements a mode for a pair of kinds. */
export function familyFor(
  fromKind: ComponentKind,
  toKind: ComponentKind,
  access: AccessMode,
): ConnectionFamily | undefined {
  return entry(fromKind, toKind).families.get(access);
}
