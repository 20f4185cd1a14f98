import { escapePointerSegment } from './json-pointer.ts';
import type { TextLocation } from './template-parse-error.ts';

/**
 * Line/column of every value in JSON text by JSON pointer (the key's position for object members), from one
 * linear scan. Only for text JSON.parse has accepted: it does not validate.
 */
export function jsonLocator(text: string): (pointer: string) => TextLocation | undefined {
  const offsets = new Map<string, number>();
  const lineStarts = [0];
  for (let i = 0; i < text.length; i += 1) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);

  // Stack frames: the pointer of the container, whether it is an array, its next index.
  const stack: { pointer: string; array: boolean; index: number }[] = [];
  let pendingKey: { pointer: string; offset: number } | undefined;

  const valueStart = (offset: number): string => {
    const top = stack[stack.length - 1];
    let pointer = '';
    if (top?.array) {
      pointer = `${top.pointer}/${top.index}`;
      top.index += 1;
      offsets.set(pointer, offset);
    } else if (top && pendingKey) {
      pointer = pendingKey.pointer;
      offsets.set(pointer, pendingKey.offset);
      pendingKey = undefined;
    } else {
      offsets.set('', offset);
    }
    return pointer;
  };

  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '{' || c === '[') {
      const pointer = valueStart(i);
      stack.push({ pointer, array: c === '[', index: 0 });
      i += 1;
    } else if (c === '}' || c === ']') {
      stack.pop();
      i += 1;
    } else if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      const raw = text.slice(i, j + 1);
      let k = j + 1;
      while (k < text.length && /\s/.test(text[k] ?? '')) k += 1;
      const top = stack[stack.length - 1];
      if (top && !top.array && !pendingKey && text[k] === ':') {
        const key = JSON.parse(raw) as string;
        pendingKey = { pointer: `${top.pointer}/${escapePointerSegment(key)}`, offset: i };
        i = k + 1;
      } else {
        valueStart(i);
        i = j + 1;
      }
    } else if (c === ',' || c === ':' || c === ' ' || c === '\n' || c === '\r' || c === '\t') {
      i += 1;
    } else {
      valueStart(i);
      while (i < text.length && !',}] \n\r\t'.includes(text[i] ?? '')) i += 1;
    }
  }

  return (pointer) => {
    let p = pointer;
    let offset = offsets.get(p);
    while (offset === undefined && p !== '') {
      p = p.slice(0, Math.max(0, p.lastIndexOf('/')));
      offset = offsets.get(p);
    }
    if (offset === undefined) return undefined;
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (lineStarts[lo] ?? 0) + 1 };
  };
}
