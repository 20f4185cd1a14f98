import { z } from 'zod';
import { ROLES } from '../../identity/roles.ts';

export const roleSchema = z.enum(ROLES);
export const teamSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'a team name: lowercase letters, digits and dashes, at most 63');
export const userNameSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._@-]{0,99}$/, 'a user name: letters, digits, . _ @ -, at most 100');

export const userSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    displayName: z.string().nullable(),
    roles: z.array(roleSchema),
    teams: z.array(z.string()),
    createdAt: z.string(),
    disabled: z.boolean(),
  })
  .meta({ id: 'User' });

export const tokenSchema = z
  .object({
    id: z.uuid(),
    userId: z.uuid(),
    name: z.string(),
    prefix: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'Token' });

export const issuedTokenSchema = tokenSchema
  .extend({ token: z.string().describe('The bearer token; shown only in this response.') })
  .meta({ id: 'IssuedToken' });

export const createUserBody = z.strictObject({
  name: userNameSchema,
  displayName: z.string().min(1).max(200).optional(),
  roles: z.array(roleSchema).max(4).default([]),
  teams: z.array(teamSchema).max(100).default([]),
});

export const rolesBody = z.strictObject({ roles: z.array(roleSchema).max(4) });
export const teamsBody = z.strictObject({ teams: z.array(teamSchema).max(100) });
export const disabledBody = z.strictObject({ disabled: z.boolean() });
export const issueTokenBody = z.strictObject({ name: z.string().min(1).max(100).default('api') });
export const idParams = z.strictObject({ id: z.uuid() });
