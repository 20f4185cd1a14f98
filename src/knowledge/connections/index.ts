import type { ConnectionFamily } from '../connection-family.ts';
import { apiIntegration } from './api-integration.ts';
import { authorizer } from './authorizer.ts';
import { dataAccess } from './data-access.ts';
import { delivery } from './delivery.ts';
import { origin } from './origin.ts';
import { pipe } from './pipe.ts';
import { routing } from './routing.ts';
import { trigger } from './trigger.ts';

/** Every connection family; for a pair of kinds, the first family claiming a mode implements it. */
export const CONNECTION_FAMILIES: readonly ConnectionFamily[] = [
  dataAccess,
  trigger,
  pipe,
  delivery,
  routing,
  apiIntegration,
  origin,
  authorizer,
];
