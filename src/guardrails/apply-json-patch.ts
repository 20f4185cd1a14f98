import { unescapePointerSegment } from '../cfn/json-pointer.ts';
import { setOwn } from '../cfn/set-own.ts';
import { JsonPatchError } from './json-patch-error.ts';
import type { JsonPatchOp } from './rule.ts';

function decode(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/'))
    throw new JsonPatchError(pointer, 'expected a JSON pointer starting with "/"');
  return pointer.slice(1).split('/').map(unescapePointerSegment);
}

function isContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  return typeof value === 'object' && value !== null;
}

/**
 * Apply RFC 6902 `add` / `replace` / `remove` operations to a deep copy of `document` and return the copy.
 * Throws JsonPatchError when an operation does not fit; the input is never changed.
 */
export function applyJsonPatch<T>(document: T, ops: readonly JsonPatchOp[]): T {
  let root: unknown = structuredClone(document);
  for (const op of ops) {
    const segments = decode(op.path);
    if (segments.length === 0) {
      if (op.op === 'remove') throw new JsonPatchError(op.path, 'cannot remove the document root');
      root = structuredClone(op.value);
      continue;
    }
    let parent: unknown = root;
    for (const segment of segments.slice(0, -1)) {
      if (!isContainer(parent)) throw new JsonPatchError(op.path, `no container at "${segment}"`);
      parent = Array.isArray(parent)
        ? parent[Number(segment)]
        : Object.hasOwn(parent, segment)
          ? parent[segment]
          : undefined;
    }
    const last = segments[segments.length - 1] as string;
    if (!isContainer(parent)) throw new JsonPatchError(op.path, 'the parent does not exist');
    if (Array.isArray(parent)) {
      const index = last === '-' ? parent.length : Number(last);
      if (!Number.isInteger(index) || index < 0 || index > parent.length) {
        throw new JsonPatchError(op.path, `index ${last} is out of range`);
      }
      if (op.op === 'add') parent.splice(index, 0, structuredClone(op.value));
      else if (index >= parent.length) throw new JsonPatchError(op.path, `index ${last} is out of range`);
      else if (op.op === 'replace') parent[index] = structuredClone(op.value);
      else parent.splice(index, 1);
      continue;
    }
    const exists = Object.hasOwn(parent, last);
    if (op.op === 'add') setOwn(parent, last, structuredClone(op.value));
    else if (!exists) throw new JsonPatchError(op.path, `no value to ${op.op}`);
    else if (op.op === 'replace') setOwn(parent, last, structuredClone(op.value));
    else delete parent[last];
  }
  return root as T;
}
