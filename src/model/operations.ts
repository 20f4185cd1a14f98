import { z } from 'zod';
import {
  AccessModeSchema,
  ComponentId,
  ComponentKindSchema,
  EnvironmentSchema,
  ParamValue,
  RegionSchema,
} from './architecture.ts';

/**
 * Typed edit operations on the intent graph. The planner (embedded or LLM) only ever emits these;
 * everything after them is deterministic code. `applyOperations` (src/model/apply-operations.ts) applies them.
 */
export const AddComponentOp = z.strictObject({
  op: z.literal('add_component'),
  id: ComponentId,
  kind: ComponentKindSchema,
  params: z.record(z.string(), ParamValue).default({}),
});
export const RemoveComponentOp = z.strictObject({ op: z.literal('remove_component'), id: ComponentId });
export const UpdateParamsOp = z.strictObject({
  op: z.literal('update_params'),
  id: ComponentId,
  /** A null value removes the param (back to the kind's default). */
  params: z.record(z.string(), ParamValue),
});
export const RenameComponentOp = z.strictObject({
  op: z.literal('rename_component'),
  id: ComponentId,
  newId: ComponentId,
});
export const ConnectOp = z.strictObject({
  op: z.literal('connect'),
  from: ComponentId,
  to: ComponentId,
  access: AccessModeSchema,
});
export const DisconnectOp = z.strictObject({
  op: z.literal('disconnect'),
  from: ComponentId,
  to: ComponentId,
  /** When omitted, every connection from → to is removed. */
  access: AccessModeSchema.optional(),
});
export const SetMetaOp = z.strictObject({
  op: z.literal('set_meta'),
  name: z.string().min(1).max(100).optional(),
  team: z.string().min(1).max(64).nullable().optional(),
  environment: EnvironmentSchema.nullable().optional(),
  region: RegionSchema.optional(),
});

export const OperationSchema = z.discriminatedUnion('op', [
  AddComponentOp,
  RemoveComponentOp,
  UpdateParamsOp,
  RenameComponentOp,
  ConnectOp,
  DisconnectOp,
  SetMetaOp,
]);
export type Operation = z.infer<typeof OperationSchema>;
export const OperationsSchema = z.array(OperationSchema);
