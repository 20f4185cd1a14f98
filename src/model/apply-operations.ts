import { validAccessModes } from '../knowledge/access-modes.ts';
import { kindDefinition } from '../knowledge/kinds/index.ts';
import { paramsSchema } from '../knowledge/params.ts';
import type { Architecture, Component, Connection, ParamValue } from './architecture.ts';
import { InvalidOperationError, type InvalidOperationReason } from './invalid-operation-error.ts';
import type { ComponentKind } from './kinds.ts';
import { type Operation, OperationSchema } from './operations.ts';

export type ApplyResult =
  | { ok: true; architecture: Architecture }
  | { ok: false; error: InvalidOperationError };

/** Every operation name, in contract order: what a malformed operation could have been. */
const OPERATION_NAMES: readonly string[] = OperationSchema.options.map((option) => option.shape.op.value);

class Failure {
  constructor(
    readonly message: string,
    readonly reason: InvalidOperationReason,
    readonly valid: string[],
  ) {}
}

function ids(components: readonly Component[]): string[] {
  return components.map((c) => c.id).sort();
}

function find(components: readonly Component[], id: string): Component {
  const found = components.find((c) => c.id === id);
  if (!found) {
    const known = ids(components);
    throw new Failure(
      `no component "${id}"; existing ids: ${known.length ? known.join(', ') : '(none)'}`,
      'unknown-component',
      known,
    );
  }
  return found;
}

function assertFreeId(components: readonly Component[], id: string): void {
  if (components.some((c) => c.id === id))
    throw new Failure(`a component "${id}" already exists; pick another id`, 'duplicate-id', ids(components));
}

function withoutNulls(params: Record<string, ParamValue>): Record<string, ParamValue> {
  const out: Record<string, ParamValue> = {};
  for (const key of Object.keys(params).sort()) if (params[key] !== null) out[key] = params[key]!;
  return out;
}

function checkParams(id: string, kind: ComponentKind, params: Record<string, ParamValue>): void {
  const specs = kindDefinition(kind).params;
  const parsed = paramsSchema(specs).safeParse(params);
  if (parsed.success) return;
  const names = specs.map((s) => s.name);
  const problems = parsed.error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') return `unknown param(s) ${issue.keys.join(', ')}`;
    const name = String(issue.path[0] ?? '');
    const spec = specs.find((s) => s.name === name);
    const expected = spec
      ? spec.allowed
        ? `one of ${spec.allowed.join(', ')}`
        : `${spec.type}${spec.min !== undefined ? ` >= ${spec.min}` : ''}${spec.max !== undefined ? ` <= ${spec.max}` : ''}`
      : '';
    return `${name}: ${issue.message}${expected ? ` (expected ${expected})` : ''}`;
  });
  throw new Failure(
    `invalid params for ${kind} "${id}": ${problems.join('; ')}; valid params: ${names.join(', ')}`,
    'invalid-params',
    names,
  );
}

function describeConnection(c: Connection): string {
  return `${c.from} -> ${c.to} (${c.access})`;
}

function applyOne(arch: Architecture, op: Operation): Architecture {
  switch (op.op) {
    case 'add_component': {
      assertFreeId(arch.components, op.id);
      const params = withoutNulls(op.params ?? {});
      checkParams(op.id, op.kind, params);
      return { ...arch, components: [...arch.components, { id: op.id, kind: op.kind, params }] };
    }
    case 'remove_component': {
      find(arch.components, op.id);
      return {
        ...arch,
        components: arch.components.filter((c) => c.id !== op.id),
        connections: arch.connections.filter((c) => c.from !== op.id && c.to !== op.id),
      };
    }
    case 'update_params': {
      const component = find(arch.components, op.id);
      const merged = withoutNulls({ ...component.params, ...op.params });
      checkParams(op.id, component.kind, merged);
      return {
        ...arch,
        components: arch.components.map((c) => (c.id === op.id ? { ...c, params: merged } : c)),
      };
    }
    case 'rename_component': {
      find(arch.components, op.id);
      if (op.newId !== op.id) assertFreeId(arch.components, op.newId);
      const rename = (id: string) => (id === op.id ? op.newId : id);
      return {
        ...arch,
        components: arch.components.map((c) => (c.id === op.id ? { ...c, id: op.newId } : c)),
        connections: arch.connections.map((c) => ({ ...c, from: rename(c.from), to: rename(c.to) })),
      };
    }
    case 'connect': {
      const from = find(arch.components, op.from);
      const to = find(arch.components, op.to);
      if (op.from === op.to)
        throw new Failure(`a component cannot connect to itself ("${op.from}")`, 'self-connection', []);
      const valid = validAccessModes(from.kind, to.kind);
      if (!valid.includes(op.access)) {
        const message =
          valid.length === 0
            ? `${from.kind} "${from.id}" cannot connect to ${to.kind} "${to.id}" with any access mode`
            : `access "${op.access}" is not valid from ${from.kind} "${from.id}" to ${to.kind} "${to.id}"; valid: ${valid.join(', ')}`;
        throw new Failure(message, 'invalid-access', valid);
      }
      const exists = arch.connections.some(
        (c) => c.from === op.from && c.to === op.to && c.access === op.access,
      );
      if (exists) return arch;
      return { ...arch, connections: [...arch.connections, { from: op.from, to: op.to, access: op.access }] };
    }
    case 'disconnect': {
      find(arch.components, op.from);
      find(arch.components, op.to);
      const matches = (c: Connection) =>
        c.from === op.from && c.to === op.to && (op.access === undefined || c.access === op.access);
      if (!arch.connections.some(matches)) {
        const existing = arch.connections
          .filter((c) => c.from === op.from || c.to === op.from)
          .map(describeConnection)
          .sort();
        throw new Failure(
          `no connection ${op.from} -> ${op.to}${op.access ? ` (${op.access})` : ''}; connections of "${op.from}": ${existing.length ? existing.join(', ') : '(none)'}`,
          'unknown-connection',
          existing,
        );
      }
      return { ...arch, connections: arch.connections.filter((c) => !matches(c)) };
    }
    case 'set_meta': {
      const next = { ...arch };
      if (op.name !== undefined) next.name = op.name;
      if (op.team !== undefined) next.team = op.team;
      if (op.environment !== undefined) next.environment = op.environment;
      if (op.region !== undefined) next.region = op.region;
      return next;
    }
  }
}

/**
 * Apply edit operations to an architecture, in order. Pure: the input is never mutated. Stops at the first
 * operation that cannot be applied and says which one, what is wrong and what would have been valid.
 * Removing a component removes its connections; renaming one rewrites its connections.
 */
export function applyOperations(architecture: Architecture, operations: readonly unknown[]): ApplyResult {
  let current: Architecture = structuredClone(architecture);
  for (let index = 0; index < operations.length; index++) {
    const raw = operations[index];
    const opName =
      raw !== null && typeof raw === 'object' && typeof (raw as { op?: unknown }).op === 'string'
        ? (raw as { op: string }).op
        : undefined;
    const parsed = OperationSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? issue.path.join('.') : 'op';
      return {
        ok: false,
        error: new InvalidOperationError(`malformed operation: ${where}: ${issue?.message ?? 'invalid'}`, {
          operationIndex: index,
          op: opName,
          reason: 'malformed-operation',
          valid: [...OPERATION_NAMES],
        }),
      };
    }
    try {
      current = applyOne(current, parsed.data);
    } catch (error) {
      if (!(error instanceof Failure)) throw error;
      return {
        ok: false,
        error: new InvalidOperationError(error.message, {
          operationIndex: index,
          op: parsed.data.op,
          reason: error.reason,
          valid: error.valid,
        }),
      };
    }
  }
  return { ok: true, architecture: current };
}

export { InvalidOperationError } from './invalid-operation-error.ts';
