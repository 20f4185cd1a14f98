import type { ConnectionFamily } from '../connection-family.ts';
import { dataAccess } from './data-access.ts';
import { origin } from './origin.ts';
import { routing } from './routing.ts';
import { trigger } from './trigger.ts';

/** Every connection family; for a pair of kinds, the first family claiming a mode implements it. */
export const CONNECTION_FAMILIES: readonly ConnectionFamily[] = [dataAccess, trigger, routing, origin];
