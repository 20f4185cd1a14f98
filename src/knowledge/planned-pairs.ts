import type { AccessMode, ComponentKind } from '../model/kinds.ts';
import { ExpansionError } from './expansion-error.ts';

const pairs = (from: readonly string[], to: readonly string[], access: AccessMode) =>
  from.flatMap((f) => to.map((t) => `${f} -${access}-> ${t}`));

/**
 * Connections in the contract (`validAccessModes` lists them, so planners can propose them) whose expansion
 * is still being built: expanding one is a clear error rather than a half-wired template. Emptied as each
 * family lands.
 */
export const PLANNED_PAIRS: ReadonlySet<string> = new Set([
  ...pairs(['user_pool'], ['http_api', 'load_balancer'], 'auth'),
]);

export function assertBuilt(from: ComponentKind, to: ComponentKind, access: AccessMode): void {
  const key = `${from} -${access}-> ${to}`;
  if (PLANNED_PAIRS.has(key))
    throw new ExpansionError(`connection ${key} is in the intent model but its expansion is not built yet`);
}
