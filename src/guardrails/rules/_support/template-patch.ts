import type { Operation } from '../../../model/operations.ts';
import type { JsonPatchOp, ResourceView } from '../../rule.ts';

function escapeSegment(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nest(segments: readonly string[], value: unknown): unknown {
  let out = value;
  for (let i = segments.length - 1; i >= 0; i--) out = { [segments[i] as string]: out };
  return out;
}

/**
 * JSON Patch that sets a property (dot path under Properties) to `value`, creating missing parent objects.
 * Replaces the deepest plain-object parent that exists; never writes inside an intrinsic function.
 */
export function setProperty(resource: ResourceView, path: string, value: unknown): JsonPatchOp[] {
  const segments = path.split('.');
  const properties = resource.raw.Properties;
  if (!isRecord(properties)) {
    return [{ op: 'add', path: `${resource.pointer}/Properties`, value: nest(segments, value) }];
  }
  let node: Record<string, unknown> | unknown[] = properties;
  let pointer = `${resource.pointer}/Properties`;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] as string;
    const here = `${pointer}/${escapeSegment(segment)}`;
    const last = i === segments.length - 1;
    const exists = Array.isArray(node)
      ? /^\d+$/.test(segment) && Number(segment) < node.length
      : Object.hasOwn(node, segment);
    if (!exists) {
      if (Array.isArray(node)) return []; // never invent list items
      return [{ op: 'add', path: here, value: nest(segments.slice(i + 1), value) }];
    }
    const next: unknown = Array.isArray(node) ? node[Number(segment)] : node[segment];
    const symbolic = isRecord(next) && Object.keys(next).some((k) => k === 'Ref' || k.startsWith('Fn::'));
    if (last || symbolic || !(isRecord(next) || Array.isArray(next))) {
      return [{ op: 'replace', path: here, value: nest(segments.slice(i + 1), value) }];
    }
    node = next;
    pointer = here;
  }
  return [];
}

/** JSON Patch that removes a property when it is present. */
export function removeProperty(resource: ResourceView, path: string): JsonPatchOp[] {
  let node: unknown = resource.raw.Properties;
  for (const segment of path.split('.')) {
    if (!isRecord(node) || !Object.hasOwn(node, segment)) return [];
    node = node[segment];
  }
  return [{ op: 'remove', path: resource.pointerOf(path) }];
}

/** JSON Patch that sets a resource attribute such as DeletionPolicy. */
export function setAttribute(resource: ResourceView, name: string, value: unknown): JsonPatchOp[] {
  const op = Object.hasOwn(resource.raw, name) ? 'replace' : 'add';
  return [{ op, path: `${resource.pointer}/${escapeSegment(name)}`, value }];
}

/**
 * JSON Patch that sets `Key`=`Value` in a list of {Key, Value} attributes (load balancer attributes,
 * ECS cluster settings use {Name, Value}).
 */
export function setKeyValue(
  resource: ResourceView,
  listPath: string,
  key: string,
  value: string,
  names: { key: string; value: string } = { key: 'Key', value: 'Value' },
): JsonPatchOp[] {
  let node: unknown = resource.raw.Properties;
  for (const segment of listPath.split('.')) node = isRecord(node) ? node[segment] : undefined;
  const entry = { [names.key]: key, [names.value]: value };
  if (node === undefined) return setProperty(resource, listPath, [entry]);
  if (!Array.isArray(node)) return setProperty(resource, listPath, [entry]);
  const at = node.findIndex((item) => isRecord(item) && item[names.key] === key);
  if (at >= 0)
    return [{ op: 'replace', path: `${resource.pointerOf(listPath)}/${at}/${names.value}`, value }];
  return [{ op: 'add', path: `${resource.pointerOf(listPath)}/-`, value: entry }];
}

/** The same fix on the architecture, when the resource came from a component. */
export function updateParams(
  resource: ResourceView,
  params: Record<string, string | number | boolean>,
): Operation[] {
  return resource.component ? [{ op: 'update_params', id: resource.component, params }] : [];
}
