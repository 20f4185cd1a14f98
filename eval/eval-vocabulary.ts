import type { AccessMode, ComponentKind } from '../src/model/kinds.ts';
import { ACCESS_MODES, COMPONENT_KINDS } from '../src/model/kinds.ts';

/**
 * Kinds and access modes that DESIGN.md's intent model lists but src/model/kinds.ts may not carry yet (the
 * knowledge base adds them). Eval cases may expect them already; once the model has them, the unions below
 * are simply the model's lists.
 */
const CONTRACT_KINDS = ['delivery_stream', 'user_pool'] as const;
const CONTRACT_ACCESS_MODES = ['auth'] as const;

export type EvalKind = ComponentKind | (typeof CONTRACT_KINDS)[number];
export type EvalAccess = AccessMode | (typeof CONTRACT_ACCESS_MODES)[number];

function union<T extends string>(a: readonly T[], b: readonly T[]): [T, ...T[]] {
  return [...new Set([...a, ...b])] as [T, ...T[]];
}

/** Every component kind an eval case may expect: the model's kinds plus the contract's newer ones. */
export const EVAL_COMPONENT_KINDS = union<EvalKind>(COMPONENT_KINDS, CONTRACT_KINDS);

/** Every access mode an eval case may expect. */
export const EVAL_ACCESS_MODES = union<EvalAccess>(ACCESS_MODES, CONTRACT_ACCESS_MODES);

/** Whether a kind is one the model (and so the knowledge base) knows today. */
export function isModelKind(kind: EvalKind): kind is ComponentKind {
  return (COMPONENT_KINDS as readonly string[]).includes(kind);
}
