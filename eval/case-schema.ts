import { z } from 'zod';
import { ArchitectureSchema, EnvironmentSchema, ParamValue } from '../src/model/architecture.ts';
import { EVAL_ACCESS_MODES, EVAL_COMPONENT_KINDS } from './eval-vocabulary.ts';

/** The kinds and modes a case may expect: the model's, plus DESIGN's newer ones the model may not carry yet. */
const ComponentKindSchema = z.enum(EVAL_COMPONENT_KINDS);
const AccessModeSchema = z.enum(EVAL_ACCESS_MODES);

/** One evaluation case: messages in order and what the architecture should be after the last one. */
export const EvalCaseSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  tags: z.array(z.string()).default([]),
  /** The architecture before the first message (empty when omitted). */
  start: ArchitectureSchema.partial().optional(),
  turns: z.array(z.string().min(1)).min(1),
  expect: z.strictObject({
    team: z.string().nullable().optional(),
    environment: EnvironmentSchema.nullable().optional(),
    components: z.array(
      z.strictObject({
        kind: ComponentKindSchema,
        id: z.string().optional(),
        params: z.record(z.string(), ParamValue).optional(),
      }),
    ),
    connections: z
      .array(z.strictObject({ from: ComponentKindSchema, to: ComponentKindSchema, access: AccessModeSchema }))
      .default([]),
    /** The last turn should ask a clarifying question. */
    asks: z.boolean().optional(),
    /** The last turn's intent. */
    intent: z.enum(['edit', 'question', 'undo', 'redo', 'submit', 'smalltalk']).optional(),
  }),
});
export type EvalCase = z.infer<typeof EvalCaseSchema>;
export const EvalFileSchema = z.array(EvalCaseSchema);
