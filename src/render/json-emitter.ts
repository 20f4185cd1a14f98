import { childContext, KeyContext, keysOf } from './key-order.ts';

function json(value: unknown, indent: string, context: KeyContext): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    let text = '[';
    for (let i = 0; i < value.length; i++) {
      text += `${i === 0 ? '\n' : ',\n'}${inner}${json(value[i] === undefined ? null : value[i], inner, KeyContext.Value)}`;
    }
    return `${text}\n${indent}]`;
  }
  const record = value as Record<string, unknown>;
  const keys = keysOf(record, context);
  if (keys.length === 0) return '{}';
  let text = '{';
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    text += `${i === 0 ? '\n' : ',\n'}${inner}${JSON.stringify(key)}: ${json(record[key], inner, childContext(context, key))}`;
  }
  return `${text}\n${indent}}`;
}

/**
 * JSON text of a template in canonical key order, formatted like `JSON.stringify(value, null, 2)`, written
 * in one pass without building a sorted copy first.
 */
export function emitJson(root: Record<string, unknown>): string {
  return `${json(root, '', KeyContext.Root)}\n`;
}
