import { escapePointerSegment } from '../../../cfn/json-pointer.ts';
import { resourcePointer } from '../resource-origin.ts';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * One SAM resource as the transform reads it: its properties with the Globals section merged in, and where
 * each top-level property was written (the resource, or `Globals.<Section>`), so findings point at the line
 * the user wrote.
 */
export class SamSource {
  readonly pointer: string;
  readonly properties: Record<string, unknown>;

  constructor(
    readonly logicalId: string,
    readonly type: string,
    readonly raw: Readonly<Record<string, unknown>>,
    private readonly own: Readonly<Record<string, unknown>>,
    private readonly globals: Readonly<Record<string, unknown>>,
    private readonly globalsPointer: string,
    /** Where the resource was written; an implicit API (no resource of its own) names the first event. */
    pointer?: string,
  ) {
    this.pointer = pointer ?? resourcePointer(logicalId);
    this.properties = mergeGlobals(globals, own);
  }

  /** The property value (globals merged), undefined when absent. */
  get(name: string): unknown {
    return this.properties[name];
  }

  /** Source pointer of a property (and a deeper path under it), where it was written. */
  at(name: string, ...rest: (string | number)[]): string {
    const tail = rest.map((segment) => `/${escapePointerSegment(String(segment))}`).join('');
    if (Object.hasOwn(this.own, name))
      return `${this.pointer}/Properties/${escapePointerSegment(name)}${tail}`;
    if (Object.hasOwn(this.globals, name))
      return `${this.globalsPointer}/${escapePointerSegment(name)}${tail}`;
    return this.pointer;
  }
}

/**
 * SAM's Globals merge: the resource's value wins for scalars, mappings merge key by key (recursively), and
 * lists are the global items followed by the resource's.
 */
export function mergeGlobals(
  globals: Readonly<Record<string, unknown>>,
  own: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...globals };
  for (const [key, value] of Object.entries(own)) {
    const global = out[key];
    if (isRecord(global) && isRecord(value) && !isIntrinsic(global) && !isIntrinsic(value)) {
      out[key] = mergeGlobals(global, value);
    } else if (Array.isArray(global) && Array.isArray(value)) {
      out[key] = [...global, ...value];
    } else {
      out[key] = value;
    }
  }
  return out;
}

function isIntrinsic(value: Record<string, unknown>): boolean {
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'Ref' || (keys[0] as string).startsWith('Fn::'));
}
