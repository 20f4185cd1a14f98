import { z } from 'zod';
import { WAIVER_STATES } from '../../waivers/waiver-view.ts';

export const waiverParams = z.strictObject({ id: z.uuid() });

export const listQuery = z.strictObject({
  state: z.enum(WAIVER_STATES).optional(),
  ruleId: z.string().min(1).max(100).optional(),
  team: z.string().min(1).max(64).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const waiverView = z
  .object({
    id: z.string(),
    ruleId: z.string(),
    scope: z.object({
      team: z.string().optional(),
      environment: z.string().optional(),
      component: z.string().optional(),
      resource: z.string().optional(),
      fingerprint: z.string().optional(),
    }),
    reason: z.string(),
    owner: z.string(),
    expiresAt: z.string(),
    createdAt: z.string(),
    revokedAt: z.string().nullable().optional(),
    state: z.enum(WAIVER_STATES),
    createdBy: z.object({ id: z.string().nullable(), name: z.string() }),
    revokedBy: z.string().nullable(),
    revokeReason: z.string().nullable(),
  })
  .meta({ id: 'Waiver' });

export const waiverList = z.object({ waivers: z.array(waiverView) });
