import type { CfnTemplate } from '../knowledge/cfn.ts';
import { childContext, KeyContext, keysOf, undefinedKeys } from './key-order.ts';

/**
 * Set while copying when the source holds something JSON and YAML would not write the way the copy
 * reads back: a key whose value is undefined (dropped from the copy, but it still counts as a key when
 * the YAML emitter decides on a short-form tag), or a function, symbol or bigint.
 */
let exotic = false;

function copy(value: unknown, context: KeyContext): unknown {
  if (typeof value !== 'object' || value === null) {
    if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') exotic = true;
    return value;
  }
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = copy(value[i], KeyContext.Value);
    return out;
  }
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  const keys = keysOf(source, context);
  // Below a resource every map is a plain value: skip asking for the child context.
  const plain = context === KeyContext.Value;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    if (key === '__proto__') exotic = true;
    out[key] = copy(source[key], plain ? KeyContext.Value : childContext(context, key));
  }
  return out;
}

/** A deep copy with object keys in canonical order (arrays keep their order: it is meaningful). */
export function canonicalValue(value: unknown): unknown {
  return copy(value, KeyContext.Value);
}

/**
 * The template in canonical order: sections in CloudFormation order, logical ids sorted, resource
 * attributes in the usual order, property keys sorted (policy keys in reading order). Same input → same
 * bytes, whatever order the expander inserted keys in. `renderTemplate` writes the same order directly.
 */
export function canonicalTemplate(template: CfnTemplate | Record<string, unknown>): Record<string, unknown> {
  return copy(template, KeyContext.Root) as Record<string, unknown>;
}

/**
 * The canonical copy, and whether it is plain data that `JSON.stringify` and the ordered YAML emitter
 * write exactly as the emitters would write the source (no undefined-valued keys, no functions, symbols
 * or bigints, no `__proto__` key). Renderers fall back to walking the source when it is not.
 */
export function canonicalData(template: Record<string, unknown>): {
  copy: Record<string, unknown>;
  plain: boolean;
} {
  exotic = false;
  const dropped = undefinedKeys.count;
  const result = copy(template, KeyContext.Root) as Record<string, unknown>;
  return { copy: result, plain: !exotic && undefinedKeys.count === dropped };
}
