import { intrinsicArg, intrinsicKey } from './intrinsic-key.ts';
import { subPlaceholders } from './sub-placeholders.ts';

const MAX_DEPTH = 200;

/**
 * Logical ids a value refers to through Ref, Fn::GetAtt and Fn::Sub placeholders (not Sub's own variables),
 * kept when `resources` has them. One walk over the value; pushes to `out` (repeats included).
 */
export function collectReferences(
  value: unknown,
  resources: ReadonlyMap<string, unknown>,
  out: string[],
  depth = 0,
): void {
  if (depth > MAX_DEPTH || typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) {
    for (const item of value) {
      if (typeof item === 'object' && item !== null) collectReferences(item, resources, out, depth + 1);
    }
    return;
  }
  const key = intrinsicKey(value);
  if (key !== undefined) {
    const arg = intrinsicArg(value, key);
    if (key === 'Ref' && typeof arg === 'string' && resources.has(arg)) out.push(arg);
    else if (key === 'Fn::GetAtt') {
      const target = Array.isArray(arg) ? arg[0] : typeof arg === 'string' ? arg.split('.')[0] : undefined;
      if (typeof target === 'string' && resources.has(target)) out.push(target);
    } else if (key === 'Fn::Sub') {
      const source = Array.isArray(arg) ? arg[0] : arg;
      const variables = Array.isArray(arg) && typeof arg[1] === 'object' && arg[1] !== null ? arg[1] : {};
      if (typeof source === 'string') {
        for (const part of subPlaceholders(source)) {
          if (!('name' in part) || Object.hasOwn(variables, part.name)) continue;
          const target = part.name.split('.')[0] ?? '';
          if (resources.has(target)) out.push(target);
        }
      }
    }
    collectReferences(arg, resources, out, depth + 1);
    return;
  }
  for (const key in value) {
    const child = (value as Record<string, unknown>)[key];
    if (typeof child === 'object' && child !== null) collectReferences(child, resources, out, depth + 1);
  }
}
