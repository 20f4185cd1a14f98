import { z } from 'zod';
import { OperationSchema } from '../../model/operations.ts';

/**
 * What the model must answer (the `plan` tool's arguments). Only typed edit operations reach the
 * architecture; there is no field through which a model could touch policies, waivers or approvals.
 */
export const ModelPlanSchema = z
  .object({
    intent: z
      .enum(['edit', 'question', 'undo', 'redo', 'submit', 'smalltalk'])
      .describe('What the message asks for; only `edit` has operations.'),
    operations: z.array(OperationSchema).max(100).describe('Edit operations on the architecture, in order.'),
    questions: z.array(z.string().max(300)).max(3).describe('At most one short clarifying question.'),
    reply: z.string().max(1000).describe('One short sentence saying what changed.'),
  })
  .describe('The plan for one message: typed edit operations on the architecture, and a short reply.');
export type ModelPlan = z.infer<typeof ModelPlanSchema>;
