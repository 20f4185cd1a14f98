import type { ResourceView, TemplateIndex } from '../../rule.ts';
import { memoized } from './view-memo.ts';

/** JSON texts of the values of `referrer` whose key is one of `keys` (at any depth), in document order. */
function valuesUnder(referrer: ResourceView, keys: ReadonlySet<string>): readonly string[] {
  const texts: string[] = [];
  collectUnder(referrer.raw.Properties, keys, texts);
  return texts;
}

function collectUnder(node: unknown, keys: ReadonlySet<string>, texts: string[]): void {
  if (Array.isArray(node)) {
    for (const item of node) collectUnder(item, keys, texts);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  for (const key in node) {
    if (!Object.hasOwn(node, key)) continue;
    const value = (node as Record<string, unknown>)[key];
    if (keys.has(key) && value !== undefined) texts.push(JSON.stringify(value));
    collectUnder(value, keys, texts);
  }
}

/**
 * Whether a JSON text mentions the logical id `id` through an intrinsic: `{Ref: id}`, `{Fn::GetAtt: [id, x]}`,
 * `!GetAtt id.x`, or a `${id}` / `${id.x}` placeholder in a Sub.
 */
function mentionedIn(text: string, id: string): boolean {
  return (
    text.includes(`"${id}"`) ||
    text.includes(`"${id}.`) ||
    text.includes(`\${${id}}`) ||
    text.includes(`\${${id}.`)
  );
}

/**
 * Whether a property of `referrer` whose key is one of `keys` (at any depth) mentions `id`. The texts under
 * `keys` are collected once per referrer and key set (pass a module-level Set), then searched per id.
 */
export function mentionedUnder(
  index: TemplateIndex,
  referrer: ResourceView,
  keys: ReadonlySet<string>,
  id: string,
): boolean {
  const texts = memoized(index, referrer, keys, valuesUnder);
  for (const text of texts) if (mentionedIn(text, id)) return true;
  return false;
}
