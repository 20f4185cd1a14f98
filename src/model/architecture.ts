import { z } from 'zod';
import { ACCESS_MODES, COMPONENT_KINDS, ENVIRONMENTS } from './kinds.ts';

/** kebab-case id: lower-case letters and digits, words joined by single hyphens, starting with a letter. */
export const ComponentId = z
  .string()
  .min(1)
  .max(63)
  .regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, 'expected a kebab-case id such as "orders-db"');

export const ComponentKindSchema = z.enum(COMPONENT_KINDS);
export const AccessModeSchema = z.enum(ACCESS_MODES);
export const EnvironmentSchema = z.enum(ENVIRONMENTS);

/** Param values are scalars or lists of scalars; each kind's knowledge-base file validates its own params. */
export const ParamValue = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.null(),
  z.array(z.union([z.string(), z.number(), z.boolean()])),
]);
export type ParamValue = z.infer<typeof ParamValue>;

export const ComponentSchema = z.strictObject({
  id: ComponentId,
  kind: ComponentKindSchema,
  params: z.record(z.string(), ParamValue).default({}),
});
export type Component = z.infer<typeof ComponentSchema>;

export const ConnectionSchema = z.strictObject({
  from: ComponentId,
  to: ComponentId,
  access: AccessModeSchema,
});
export type Connection = z.infer<typeof ConnectionSchema>;

export const RegionSchema = z
  .string()
  .regex(/^[a-z]{2}(-gov)?-[a-z]+-\d$/, 'expected an AWS region such as "us-east-1"');

export const ArchitectureSchema = z.strictObject({
  name: z.string().min(1).max(100),
  team: z.string().min(1).max(64).nullable(),
  environment: EnvironmentSchema.nullable(),
  region: RegionSchema,
  components: z.array(ComponentSchema),
  connections: z.array(ConnectionSchema),
});
export type Architecture = z.infer<typeof ArchitectureSchema>;

export function emptyArchitecture(overrides: Partial<Architecture> = {}): Architecture {
  return {
    name: 'app',
    team: null,
    environment: null,
    region: 'us-east-1',
    components: [],
    connections: [],
    ...overrides,
  };
}
