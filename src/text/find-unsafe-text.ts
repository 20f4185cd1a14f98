/**
 * Text PostgreSQL cannot store faithfully: a NUL character (refused by `text` and `jsonb`) or an unpaired
 * UTF-16 surrogate (refused by `jsonb`, silently replaced in `text`). Found anywhere in a parsed value, keys
 * included, so the caller can refuse the input with the field's path instead of failing at the save.
 */
import type { FieldError } from '../http/errors/validation-error.ts';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string cannot be stored, or undefined when it can. */
export function unsafeTextReason(text: string): string | undefined {
  if (text.includes('\u0000')) return 'must not contain NUL characters (U+0000)';
  if (LONE_SURROGATE.test(text)) return 'must be valid Unicode text (it has an unpaired surrogate)';
  return undefined;
}

const join = (path: string, key: string | number): string => (path === '' ? String(key) : `${path}.${key}`);

/**
 * The first string (or object key) of `value` that cannot be stored, as `{path, message}` with the path
 * joined by dots under `base` (`body.text`, `body.template.Resources.A.Properties`; `event.text` under
 * an empty base), or undefined.
 * Iterative, so a deeply nested value cannot overflow the stack.
 */
export function findUnsafeText(value: unknown, base: string): FieldError | undefined {
  const stack: [string, unknown][] = [[base, value]];
  while (stack.length > 0) {
    const [path, node] = stack.pop() as [string, unknown];
    if (typeof node === 'string') {
      const reason = unsafeTextReason(node);
      if (reason) return { path, message: reason };
    } else if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i -= 1) stack.push([join(path, i), node[i]]);
    } else if (typeof node === 'object' && node !== null) {
      const keys = Object.keys(node);
      for (let i = keys.length - 1; i >= 0; i -= 1) {
        const key = keys[i] as string;
        const reason = unsafeTextReason(key);
        if (reason) return { path, message: `has a key that ${reason}` };
        stack.push([join(path, key), (node as Record<string, unknown>)[key]]);
      }
    }
  }
  return undefined;
}
