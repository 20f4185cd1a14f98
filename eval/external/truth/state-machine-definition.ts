import { parseDocument } from './parse-document.ts';
import type { TemplateContext } from './template-context.ts';
import { isRecord } from './template-context.ts';

/** A state machine's definition with its `${Name}` substitutions (values are template values). */
export interface Definition {
  states: Record<string, unknown>;
  substitutions: Record<string, unknown>;
}

/** A Task state, or a Map state's item reader / result writer: a resource and its arguments. */
export interface TaskLike {
  resource: unknown;
  parameters: unknown;
}

/**
 * Reads a state machine's definition: `Definition` (an object), `DefinitionString` (text, `Fn::Sub` or
 * `Fn::Join` spelled out with `${X.Arn}` placeholders) or SAM's `DefinitionUri` (a file next to the
 * template). Undefined when there is none or it cannot be read (a definition in S3, say).
 */
export function readDefinition(ctx: TemplateContext, id: string): Definition | undefined {
  const p = ctx.props(id);
  const substitutions = isRecord(p.DefinitionSubstitutions) ? p.DefinitionSubstitutions : {};
  let body: unknown = p.Definition;
  if (body === undefined && p.DefinitionString !== undefined) {
    const text = ctx.canonical(p.DefinitionString);
    body = text === undefined ? undefined : parseDocument(text);
  }
  if (body === undefined && typeof p.DefinitionUri === 'string') {
    const text = ctx.readRelative(p.DefinitionUri);
    body = text === undefined ? undefined : parseDocument(text);
  }
  if (!isRecord(body) || !isRecord(body.States)) return undefined;
  return { states: body.States, substitutions };
}

/** Every task-like step of a definition, nested branches and map iterators included. */
export function tasksOf(states: Record<string, unknown>): TaskLike[] {
  const out: TaskLike[] = [];
  const visit = (group: unknown, depth: number): void => {
    if (!isRecord(group) || depth > 20) return;
    for (const state of Object.values(group)) {
      if (!isRecord(state)) continue;
      const parameters = state.Parameters ?? state.Arguments;
      if (state.Type === 'Task') out.push({ resource: state.Resource, parameters });
      for (const branch of Array.isArray(state.Branches) ? state.Branches : []) {
        if (isRecord(branch)) visit(branch.States, depth + 1);
      }
      for (const inner of [state.Iterator, state.ItemProcessor])
        if (isRecord(inner)) visit(inner.States, depth + 1);
      for (const io of [state.ItemReader, state.ResultWriter]) {
        if (isRecord(io)) out.push({ resource: io.Resource, parameters: io.Parameters ?? io.Arguments });
      }
    }
  };
  visit(states, 0);
  return out;
}
