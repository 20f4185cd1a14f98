import { param } from './params.ts';

/** Deletion protection of a stateful or shared resource: on in prod, and a param the requester can flip. */
export const deletionProtectionParam = param({
  name: 'deletion_protection',
  type: 'boolean',
  description: 'Refuse deletion until this is turned off (on in prod).',
  default: { dev: false, staging: false, prod: true },
});
