import { z } from 'zod';
import { EnvironmentSchema } from '../model/architecture.ts';

/** What a policy admin sends to create a waiver (POST /v1/waivers). */
export const WaiverScopeSchema = z
  .strictObject({
    team: z.string().min(1).max(64).optional(),
    environment: EnvironmentSchema.optional(),
    component: z.string().min(1).max(63).optional(),
    resource: z.string().min(1).max(255).optional(),
    fingerprint: z
      .string()
      .regex(/^[0-9a-f]{8,64}$/, 'expected a finding fingerprint (hex)')
      .optional(),
  })
  .refine((s) => Object.values(s).some((v) => v !== undefined), {
    message: 'expected at least one of team, environment, component, resource, fingerprint',
  });

export const CreateWaiverSchema = z.strictObject({
  ruleId: z
    .string()
    .regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, 'expected a kebab-case rule id')
    .max(100),
  scope: WaiverScopeSchema,
  reason: z.string().trim().min(10, 'expected a reason of at least 10 characters').max(2000),
  owner: z.string().trim().min(1).max(200),
  expiresAt: z.iso.datetime({
    offset: true,
    message: 'expected an ISO 8601 timestamp such as 2026-12-31T00:00:00Z',
  }),
});
export type CreateWaiverInput = z.infer<typeof CreateWaiverSchema>;

export const RevokeWaiverSchema = z
  .strictObject({
    reason: z.string().trim().min(1).max(2000).optional(),
  })
  .default({});
